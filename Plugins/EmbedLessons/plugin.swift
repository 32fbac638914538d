// Build-tool plugin: embeds every lessons/**/*.md file into the attn-repl binary, so the
// lessons are found from any working directory and travel with the executable.
import Foundation
import PackagePlugin

@main
struct EmbedLessons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let lessons = context.package.directoryURL.appending(path: "lessons")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: lessons, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "md" { inputs.append(url) }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLessons.swift")
        return [.buildCommand(
            displayName: "Embedding \(inputs.count) lesson files",
            executable: try context.tool(named: "LessonEmbedder").url,
            arguments: [lessons.path, output.path],
            inputFiles: inputs,
            outputFiles: [output]
        )]
    }
}
