/// A pane's columns: fixed ones, one flexible one, and which to drop first when the terminal is narrow.
struct Column {
    var title: String
    var width: Int
    var flex = false
    var right = false
    /// 0 = always shown; higher numbers are dropped first.
    var drop = 0
    /// Columns it may widen by on a wide terminal (names cut with "…" at the base width read in full).
    var grow = 0
}

/// Column positions for one width.
struct TableLayout {
    /// Kept columns: index into the column list, x, width.
    var placed: [(index: Int, x: Int, width: Int)]

    /// Share of the spare columns that may go to the growing columns, once the flexible one (the title) has
    /// `flexComfort` columns: a wide terminal shows names in full instead of padding the title.
    static let growShare = 0.6
    static let flexComfort = 40

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
        // Spare columns beyond the minimum: the growing columns take theirs (in proportion, each up to its
        // `grow`), the flexible column the rest.
        let spare = max(0, width - need(kept))
        let growers = kept.filter { columns[$0].grow > 0 && !columns[$0].flex }
        let wanted = growers.reduce(0) { $0 + columns[$1].grow }
        let titleFirst = max(0, Self.flexComfort - flexMinimum)
        let budget = min(wanted, Int(Double(spare) * Self.growShare), max(0, spare - titleFirst))
        var extra: [Int: Int] = [:]
        if wanted > 0 {
            var left = budget
            for i in growers {
                let share = min(columns[i].grow, budget * columns[i].grow / wanted)
                extra[i] = share
                left -= share
            }
            // Rounding leftovers, one column at a time, first columns first.
            for i in growers where left > 0 && extra[i, default: 0] < columns[i].grow {
                extra[i, default: 0] += 1
                left -= 1
            }
        }
        let fixed =
            kept.reduce(0) { $0 + (columns[$1].flex ? 0 : columns[$1].width + extra[$1, default: 0]) }
            + max(0, kept.count - 1)
        let flexWidth = max(0, width - fixed)
        var x = 0
        placed = []
        for i in kept {
            let w = columns[i].flex ? flexWidth : columns[i].width + extra[i, default: 0]
            placed.append((i, x, w))
            x += w + 1
        }
    }
}
