/// Orders strings by their UTF-8 bytes: the same on every machine and locale.
public func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
}
