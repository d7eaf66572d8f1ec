//! The floor as the officer runs it (SPEC section 9): the clock of the speaker at the podium
//! (pause, resume, a called speaker's start) and the message to the speaker. The screen's keys
//! and the command line's `pause`, `resume`, `point-of-order`, `time` and `message` are these
//! same changes; each is refused where it does not apply.

use super::list::entry::Change;
use super::list::refusal::{Done, RuleError};
use super::list::session::Session;
use super::text::{Problem, forbidden};
use super::time::{Time, fmt_seconds};

/// A message to the speaker, a ready-made one included, is at most this many characters.
pub const MESSAGE_MAX: usize = 200;
/// Keys 1-9: at most nine ready-made messages.
pub const MESSAGES_MAX: usize = 9;

impl Session {
    /// The name of the speaker at the podium, for messages.
    fn at_the_podium(&self) -> Result<(u64, String), RuleError> {
        let speech = self.speech.as_ref().ok_or(RuleError::NoCurrentSpeech)?;
        let name = self
            .entry(speech.entry)
            .map(|e| e.title())
            .ok_or(RuleError::NoCurrentSpeech)?;
        Ok((speech.entry, name))
    }

    /// Stops the current speaker's clock; refused when it is not running.
    pub fn pause(&mut self, now: Time) -> Result<Done, RuleError> {
        let (id, name) = self.at_the_podium()?;
        let speech = self.speech.as_mut().ok_or(RuleError::NoCurrentSpeech)?;
        if !speech.running {
            return Err(RuleError::NotRunning(name));
        }
        speech.pause(now, false);
        let at = fmt_seconds(speech.elapsed_seconds(now));
        self.record(
            now,
            Change::Paused,
            Some(id),
            format!("timer paused at {at}"),
        );
        Ok(done(format!("the clock of {name} paused at {at}"), id))
    }

    /// Starts the clock again, or starts the clock of a speaker called but not started;
    /// refused when it runs already.
    pub fn resume(&mut self, now: Time) -> Result<Done, RuleError> {
        let (id, name) = self.at_the_podium()?;
        let speech = self.speech.as_mut().ok_or(RuleError::NoCurrentSpeech)?;
        if speech.running {
            return Err(RuleError::AlreadyRunning(name));
        }
        let first = speech.not_started();
        speech.resume(now);
        let at = fmt_seconds(speech.elapsed_seconds(now));
        let (text, said) = if first {
            (
                "timer started".to_string(),
                format!("the clock of {name} started"),
            )
        } else {
            (
                format!("timer resumed at {at}"),
                format!("the clock of {name} running again from {at}"),
            )
        };
        self.record(now, Change::Resumed, Some(id), text);
        Ok(done(said, id))
    }

    /// The message to the speaker at the podium; empty clears it (clearing is always allowed,
    /// a message left by an older file included). A message needs a speaker: it belongs to one.
    pub fn message_to_speaker(&mut self, text: &str, now: Time) -> Result<Done, RuleError> {
        let text = text.trim();
        if !text.is_empty() {
            self.at_the_podium()?;
            check_message(text)?;
        }
        self.set_message(text, now)
    }

    /// Ready-made message `n` (1-9) of the `messages` setting.
    pub fn preset_message(&mut self, n: usize, now: Time) -> Result<Done, RuleError> {
        let text = n
            .checked_sub(1)
            .and_then(|i| self.settings.messages.get(i))
            .cloned()
            .ok_or_else(|| {
                RuleError::BadValue(format!(
                    "there is no ready-made message {n}: the list has {} (settings, messages)",
                    self.settings.messages.len()
                ))
            })?;
        self.message_to_speaker(&text, now)
    }
}

fn done(message: String, id: u64) -> Done {
    Done {
        message,
        warnings: Vec::new(),
        entry: Some(id),
    }
}

/// A message is one line of at most 200 characters (SPEC section 9).
pub fn check_message(text: &str) -> Result<(), RuleError> {
    if text.chars().any(char::is_control) {
        return Err(RuleError::NotOneLine("message"));
    }
    // The one rule of texts (SPEC section 5) refuses bidirectional overrides too: a ready-made
    // message goes through here alone, and the pages would show it.
    if let Some(p @ Problem::Bidi(_)) = text.chars().find_map(forbidden) {
        return Err(RuleError::BadValue(format!(
            "the message {p}: type it without one"
        )));
    }
    let n = text.chars().count();
    if n > MESSAGE_MAX {
        return Err(RuleError::BadValue(format!(
            "a message is at most {MESSAGE_MAX} characters (this one has {n}): shorten it"
        )));
    }
    Ok(())
}

/// The `messages` setting: at most nine texts, none empty, each a valid message.
pub fn check_messages(texts: Vec<String>) -> Result<Vec<String>, RuleError> {
    let texts: Vec<String> = texts.into_iter().map(|t| t.trim().to_string()).collect();
    if texts.len() > MESSAGES_MAX {
        return Err(RuleError::BadValue(format!(
            "at most {MESSAGES_MAX} ready-made messages (keys 1 to 9), not {}: leave some out",
            texts.len()
        )));
    }
    for (i, t) in texts.iter().enumerate() {
        if t.is_empty() {
            return Err(RuleError::BadValue(format!(
                "ready-made message {} is empty: write TEXT|TEXT|... with a text between each |",
                i + 1
            )));
        }
        check_message(t)?;
    }
    Ok(texts)
}
