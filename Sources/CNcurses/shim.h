// The C terminal libraries: ncursesw and GNU readline.
// Swift reaches them only through Sources/AttnREPL/Screen/Curses.swift and Session/Readline.swift.
#ifndef ATTN_CNCURSES_SHIM_H
#define ATTN_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <sys/ioctl.h>
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

static inline int attn_key_f1(void) { return KEY_F(1); }
static inline int attn_key_mouse(void) { return KEY_MOUSE; }
/* Only the wheel: a click or a drag is left to the terminal as far as it can be. */
static inline void attn_enable_wheel(void) { mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL); mouseinterval(0); }
/* The wheel's direction for the pending KEY_MOUSE: -1 up, 1 down, 0 anything else. */
static inline int attn_wheel_direction(void) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    if (event.bstate & BUTTON4_PRESSED) return -1;
    if (event.bstate & BUTTON5_PRESSED) return 1;
    return 0;
}

/* The width of the terminal on `fd` in columns, 0 if it is not a terminal (ioctl is variadic,
   which Swift does not import). */
static inline int attn_terminal_columns(int fd) {
    struct winsize size;
    return ioctl(fd, TIOCGWINSZ, &size) == 0 ? size.ws_col : 0;
}

#endif
