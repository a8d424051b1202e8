import Kader

/// A horizontal bar of counts by status (`partials/status-bar`), 600 units wide: its element id,
/// its title (what a screen reader says) and one segment per status with a count.
package struct StatusBarValue: TypedContext {
    package var id: String
    package var title: String
    package var segments: [BarSegment]

    package func child(named name: String) -> Any? {
        switch name {
        case "id": string(id)
        case "title": string(title)
        case "segments": segments
        default: nil
        }
    }
}

/// One segment of a status bar: its status key (the template gives it its colour), symbol and
/// count, its place and width, and whether it is wide enough to show its count.
package struct BarSegment: TypedContext {
    package var key: String
    package var label: String
    package var symbol: String
    package var count: Int
    package var x: Int
    package var width: Int

    package func child(named name: String) -> Any? {
        switch name {
        case "key": string(key)
        case "label": string(label)
        case "symbol": string(symbol)
        case "count": int(count)
        case "x": int(x)
        case "width": int(width)
        case "textX": int(x + width / 2)
        case "showText": width >= 44
        default: nil
        }
    }
}
