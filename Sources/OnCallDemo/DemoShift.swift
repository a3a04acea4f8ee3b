import Foundation
import OnCallRules

/// A believable shift of records relative to `now`. SKELETON: the demo work fills this in.
public enum DemoShift {
    public static func records(now: Date) -> Board { Board() }
}
