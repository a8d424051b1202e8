/// The file every output folder carries, by which a build knows the folder as the generator's own
/// (written by the output stage; reserved in the model's table of output paths).
package enum OutputMarker {
    package static let name = ".kennisbank-output"
}
