//! Everything the officer can ask of the screen, as one message type. Keys become messages in
//! `keymap`; `app::update` turns messages into changes of the model.

/// One request to the screen. Tests drive the model with these, not with keystrokes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    // moving
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    // the list (SPEC section 4)
    Add,
    Replace,
    Swap,
    Withdraw,
    Next,
    Pause,
    PointOfOrder,
    MoreTime,
    LessTime,
    Undo,
    Redo,
    Find,
    Presenter,
    Message,
    /// Keys 1-9: the list's ready-made message of that number (SPEC section 9).
    Preset(u8),
    /// Key 0: clears the message to the speaker.
    ClearMessage,
    Absent,
    Settings,
    Report,
    Help,
    Quit,
    /// Enter: the selected entry's card.
    Card,
    /// `v`: show or hide the heard and withdrawn entries among the queue.
    ShowAll,
    // rehearsal only
    Slower,
    Faster,
    SaveCopy,
    // popups and forms
    Close,
    Submit,
    FocusNext,
    FocusPrev,
    Left,
    Right,
    Yes,
    No,
    Char(char),
    Backspace,
    /// Ctrl-u in a one-line input: clears the field.
    ClearField,
    /// The displayed second (or minute) changed: the loop asks the model to catch up.
    Tick,
}
