import Kader

/// A horizontal bar of counts by status (`partials/status-bar`), 600 units wide: its element id,
/// its title (what a screen reader says) and one segment per status with a count. Every segment
/// carries its symbol and count: inside it where it fits, otherwise on a row below the bar.
package struct StatusBarValue: TypedContext {
    package var id: String
    package var title: String
    package var segments: [BarSegment]

    /// The bar's full width in the SVG's units.
    package static let width = 600

    /// The segments of `counts` (those above zero), each as wide as its share, with the places
    /// of their labels: inside when the label fits, else below, kept apart from each other.
    package init(id: String, title: String, counts: [StatusCountValue]) {
        self.id = id
        self.title = title
        let shown = counts.filter { $0.count > 0 }
        let total = max(1, shown.reduce(0) { $0 + $1.count })
        var x = 0
        var segments: [BarSegment] = []
        for (position, part) in shown.enumerated() {
            let size = position == shown.count - 1 ? Self.width - x
                : Int((Double(Self.width * part.count) / Double(total)).rounded())
            segments.append(BarSegment(status: part, x: x, width: size))
            x += size
        }
        self.segments = Self.placingLabelsBelow(segments)
    }

    /// Labels below the bar start at their segment's centre and are moved apart just enough
    /// not to overlap, and to stay within the bar's width.
    private static func placingLabelsBelow(_ segments: [BarSegment]) -> [BarSegment] {
        var segments = segments
        let below = segments.indices.filter { !segments[$0].inside }
        guard !below.isEmpty else { return segments }
        var places = below.map { segments[$0].x + segments[$0].width / 2 }
        let gaps = below.map { segments[$0].chipWidth + 4 }
        for index in places.indices {
            let least = index == 0 ? gaps[index] / 2 : places[index - 1] + (gaps[index - 1] + gaps[index]) / 2
            places[index] = max(places[index], least)
        }
        for index in places.indices.reversed() {
            let most = index == places.count - 1 ? width - gaps[index] / 2 : places[index + 1] - (gaps[index + 1] + gaps[index]) / 2
            places[index] = min(places[index], most)
        }
        for (index, segment) in below.enumerated() { segments[segment].labelX = places[index] }
        return segments
    }

    /// Taller when some label is below the bar.
    package var height: Int { segments.allSatisfy(\.inside) ? 28 : 52 }

    package func child(named name: String) -> Any? {
        switch name {
        case "id": string(id)
        case "title": string(title)
        case "segments": segments
        case "height": int(height)
        default: nil
        }
    }
}

/// The number of indicators of one status (or open, key `open`), with its words and symbol.
package struct StatusCountValue: TypedContext {
    package var key: String
    package var label: String
    package var symbol: String
    package var count: Int

    package init(key: String, label: String, symbol: String, count: Int) {
        self.key = key
        self.label = label
        self.symbol = symbol
        self.count = count
    }

    package func child(named name: String) -> Any? {
        switch name {
        case "key": string(key)
        case "label": string(label)
        case "symbol": string(symbol)
        case "count": int(count)
        default: nil
        }
    }
}

/// One segment of a status bar: its status and count (the template gives it its colour and
/// hatching by the status's key), its place and width, and where its label goes: on a white
/// chip inside the segment when it fits, or below the bar at `labelX`, joined to the segment by
/// a short line.
package struct BarSegment: TypedContext {
    package var status: StatusCountValue
    package var x: Int
    package var width: Int
    package var labelX: Int

    package init(status: StatusCountValue, x: Int, width: Int) {
        self.status = status
        self.x = x
        self.width = width
        labelX = x + width / 2
    }

    package var count: Int { status.count }
    /// The width of the label's chip: the symbol, a space and the count's digits.
    package var chipWidth: Int { 24 + 8 * String(count).count }
    package var inside: Bool { width >= chipWidth + 6 }

    package func child(named name: String) -> Any? {
        switch name {
        case "x": int(x)
        case "width": int(width)
        case "centre": int(x + width / 2)
        case "labelX": int(labelX)
        case "chipX": int(labelX - chipWidth / 2)
        case "chipWidth": int(chipWidth)
        case "inside": inside
        default: status.child(named: name)
        }
    }
}
