// The C terminal libraries: ncursesw and GNU readline.
// Swift reaches them only through Sources/AttnREPL/Screen/Curses.swift and Session/Readline.swift.
#ifndef ATTN_CNCURSES_SHIM_H
#define ATTN_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <readline/readline.h>
#include <readline/history.h>

static inline int attn_wcwidth(wchar_t c) { return wcwidth(c); }
static inline attr_t attn_a_bold(void) { return A_BOLD; }
static inline attr_t attn_a_reverse(void) { return A_REVERSE; }
static inline attr_t attn_a_dim(void) { return A_DIM; }
static inline attr_t attn_a_underline(void) { return A_UNDERLINE; }
static inline WINDOW *attn_stdscr(void) { return stdscr; }
static inline int attn_color_pair(int n) { return COLOR_PAIR(n); }

#endif
