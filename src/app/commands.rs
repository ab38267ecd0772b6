//! Every menu command in one table: its label and keyboard shortcut, so menus, the shortcuts
//! window and key handling can never disagree (and clashes are caught by a test).

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    NewBrief,
    OpenWorkspace,
    ImportArticles,
    Save,
    SaveAs,
    ExportPdf,
    Quit,
    Undo,
    Redo,
    RedoAlt,
    Find,
    ShowEditor,
    ShowPositions,
    ShowNextSteps,
    ShowMatrix,
    ShowTimeline,
    ShowPreview,
    ToggleTheme,
    Shortcuts,
    About,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

impl Command {
    pub const ALL: [Command; 20] = [
        Self::NewBrief,
        Self::OpenWorkspace,
        Self::ImportArticles,
        Self::Save,
        Self::SaveAs,
        Self::ExportPdf,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::RedoAlt,
        Self::Find,
        Self::ShowEditor,
        Self::ShowPositions,
        Self::ShowNextSteps,
        Self::ShowMatrix,
        Self::ShowTimeline,
        Self::ShowPreview,
        Self::ToggleTheme,
        Self::Shortcuts,
        Self::About,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::NewBrief => "New brief…",
            Self::OpenWorkspace => "Open workspace…",
            Self::ImportArticles => "Import articles…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::ExportPdf => "Export PDF…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo | Self::RedoAlt => "Redo",
            Self::Find => "Find",
            Self::ShowEditor => "Editor",
            Self::ShowPositions => "Positions",
            Self::ShowNextSteps => "Next steps",
            Self::ShowMatrix => "Position matrix",
            Self::ShowTimeline => "Timeline",
            Self::ShowPreview => "PDF preview",
            Self::ToggleTheme => "Light / dark theme",
            Self::Shortcuts => "Keyboard shortcuts",
            Self::About => "About Briefdesk",
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let key = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Self::NewBrief => key(CTRL, Key::N),
            Self::OpenWorkspace => key(CTRL, Key::O),
            Self::Save => key(CTRL, Key::S),
            Self::SaveAs => key(CTRL_SHIFT, Key::S),
            Self::ExportPdf => key(CTRL, Key::E),
            Self::Quit => key(CTRL, Key::Q),
            Self::Undo => key(CTRL, Key::Z),
            Self::Redo => key(CTRL_SHIFT, Key::Z),
            Self::RedoAlt => key(CTRL, Key::Y),
            Self::Find => key(CTRL, Key::F),
            Self::ShowEditor => key(CTRL, Key::Num1),
            Self::ShowPositions => key(CTRL, Key::Num2),
            Self::ShowNextSteps => key(CTRL, Key::Num3),
            Self::ShowMatrix => key(CTRL, Key::Num4),
            Self::ShowTimeline => key(CTRL, Key::Num5),
            Self::ShowPreview => key(CTRL, Key::Num6),
            Self::ImportArticles | Self::ToggleTheme | Self::Shortcuts | Self::About => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = HashMap::new();
        for command in Command::ALL {
            if let Some(shortcut) = command.shortcut() {
                let key = (
                    shortcut.logical_key,
                    shortcut.modifiers.shift,
                    shortcut.modifiers.alt,
                );
                if let Some(other) = seen.insert(key, command) {
                    panic!("{command:?} and {other:?} share {shortcut:?}");
                }
            }
        }
    }

    #[test]
    fn the_issue_s_shortcuts_are_bound() {
        let bound = |c: Command| c.shortcut().map(|s| s.logical_key);
        assert_eq!(bound(Command::NewBrief), Some(Key::N));
        assert_eq!(bound(Command::OpenWorkspace), Some(Key::O));
        assert_eq!(bound(Command::Save), Some(Key::S));
        assert_eq!(bound(Command::ExportPdf), Some(Key::E));
        assert_eq!(bound(Command::Undo), Some(Key::Z));
        assert_eq!(bound(Command::Redo), Some(Key::Z));
        assert_eq!(bound(Command::RedoAlt), Some(Key::Y));
        assert_eq!(bound(Command::Find), Some(Key::F));
        assert!(
            Command::SaveAs
                .shortcut()
                .is_some_and(|s| s.modifiers.shift)
        );
    }
}
