//! Turns this frame's key presses into commands, every one of them and in the order pressed:
//! egui delivers several key events per frame when the editor types fast, and taking each
//! shortcut once per frame (`consume_shortcut`) would drop the repeats.

use egui::{Event, KeyboardShortcut};

use super::action::Action;

/// The command a key press stands for: the first in [`Action::COMMANDS`] order (more
/// specific modifiers first) whose shortcut matches; `typing` leaves out the keys a focused
/// text field needs.
fn command_for(key: egui::Key, modifiers: egui::Modifiers, typing: bool) -> Option<Action> {
    let matches =
        |s: &KeyboardShortcut| s.logical_key == key && modifiers.matches_logically(s.modifiers);
    Action::COMMANDS
        .iter()
        .filter(|a| !(typing && a.yields_to_text_field()))
        .find(|a| {
            [a.shortcut(), a.alt_shortcut()]
                .iter()
                .flatten()
                .any(matches)
        })
        .cloned()
}

/// Takes the key presses of this frame that are shortcuts out of the input, in order, and
/// returns their commands.
pub fn take_commands(ctx: &egui::Context, typing: bool) -> Vec<Action> {
    let mut commands = Vec::new();
    ctx.input_mut(|i| {
        i.events.retain(|event| {
            let Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } = event
            else {
                return true;
            };
            match command_for(*key, *modifiers, typing) {
                Some(action) => {
                    commands.push(action);
                    false
                }
                None => true,
            }
        });
    });
    commands
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Key, Modifiers};

    #[test]
    fn the_more_specific_shortcut_wins() {
        let redo = command_for(Key::Z, Modifiers::COMMAND | Modifiers::SHIFT, false);
        assert_eq!(redo, Some(Action::Redo));
        assert_eq!(
            command_for(Key::Z, Modifiers::COMMAND, false),
            Some(Action::Undo)
        );
        assert_eq!(command_for(Key::ArrowDown, Modifiers::NONE, true), None);
    }
}
