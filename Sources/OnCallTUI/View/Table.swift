/// A pane's columns: fixed ones, one flexible one, and which to drop first when the terminal is narrow.
struct Column {
    var title: String
    var width: Int
    var flex = false
    var right = false
    /// 0 = always shown; higher numbers are dropped first.
    var drop = 0
}

/// Column positions for one width.
struct TableLayout {
    /// Kept columns: index into the column list, x, width.
    var placed: [(index: Int, x: Int, width: Int)]

    init(_ columns: [Column], width: Int, flexMinimum: Int = 20) {
        var kept = Array(columns.indices)
        func need(_ kept: [Int]) -> Int {
            kept.reduce(0) { $0 + (columns[$1].flex ? flexMinimum : columns[$1].width) } + max(0, kept.count - 1)
        }
        while need(kept) > width,
            let worst = kept.filter({ columns[$0].drop > 0 }).max(by: { columns[$0].drop < columns[$1].drop })
        {
            kept.removeAll { $0 == worst }
        }
        let fixed = kept.reduce(0) { $0 + (columns[$1].flex ? 0 : columns[$1].width) } + max(0, kept.count - 1)
        let flexWidth = max(0, width - fixed)
        var x = 0
        placed = []
        for i in kept {
            let w = columns[i].flex ? flexWidth : columns[i].width
            placed.append((i, x, w))
            x += w + 1
        }
    }
}
