import OnCallTUI
