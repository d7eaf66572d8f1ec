//! Waiting for the terminal, and noticing that it is gone (SPEC section 5: "When the terminal
//! goes away (its pseudo-terminal closed, with or without SIGHUP), the screen and `display` end
//! within one second, after the final checkpoint, and burn no CPU meanwhile").
//!
//! crossterm's own `poll` reads a terminal that has hung up again and again (end of input, or
//! EIO, is neither "would block" nor "interrupted" to it): it never returns and burns a core.
//! So the screens never block inside crossterm. They wait in `poll(2)` on the terminal
//! themselves (and on a pipe that SIGWINCH writes to, so a resize is seen at once); a hang-up,
//! an error or a closed descriptor there is the terminal gone, and only input that is really
//! there is handed to crossterm, which then reads without waiting.

use ratatui::crossterm::event;
use std::io;
use std::time::Duration;

/// The error of a terminal that has gone away.
pub(crate) fn gone() -> io::Error {
    io::Error::new(io::ErrorKind::BrokenPipe, "the terminal is gone")
}

/// The terminal the screens read, watched for input and for its end.
#[cfg(unix)]
pub(crate) struct Tty {
    /// What crossterm reads: standard input when it is a terminal, else /dev/tty.
    input: Input,
    /// The read end of a pipe that SIGWINCH writes a byte to.
    winch: std::os::unix::net::UnixStream,
    _winch_id: signal_hook::SigId,
}

#[cfg(unix)]
enum Input {
    Stdin,
    Opened(std::fs::File),
}

#[cfg(unix)]
impl Tty {
    pub(crate) fn open() -> io::Result<Tty> {
        let input = if rustix::termios::isatty(std::io::stdin()) {
            Input::Stdin
        } else {
            Input::Opened(std::fs::File::open("/dev/tty")?)
        };
        watch_for_hang_up(&input)?;
        let (winch, writer) = std::os::unix::net::UnixStream::pair()?;
        winch.set_nonblocking(true)?;
        writer.set_nonblocking(true)?;
        let id = signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, writer)?;
        Ok(Tty {
            input,
            winch,
            _winch_id: id,
        })
    }

    /// Waits up to `timeout` for an event; true when crossterm has one to read at once. Ends in
    /// the error [`gone`] when the terminal has hung up.
    pub(crate) fn poll(&self, timeout: Duration) -> io::Result<bool> {
        use rustix::event::{PollFd, PollFlags, Timespec};
        use std::os::fd::AsFd;
        let stdin = std::io::stdin();
        let fd = match &self.input {
            Input::Stdin => stdin.as_fd(),
            Input::Opened(f) => f.as_fd(),
        };
        let mut fds = [
            PollFd::from_borrowed_fd(fd, PollFlags::IN),
            PollFd::new(&self.winch, PollFlags::IN),
        ];
        let wait = Timespec {
            tv_sec: timeout.as_secs().try_into().unwrap_or(i64::MAX),
            tv_nsec: timeout.subsec_nanos().into(),
        };
        match rustix::event::poll(&mut fds, Some(&wait)) {
            Ok(_) => {}
            // A signal (SIGTERM, SIGHUP): back to the loop, which looks at it.
            Err(rustix::io::Errno::INTR) => return Ok(false),
            Err(e) => return Err(e.into()),
        }
        let terminal = fds[0].revents();
        if terminal.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
            return Err(gone());
        }
        if fds[1].revents().contains(PollFlags::IN) {
            use std::io::Read;
            let mut sink = [0u8; 64];
            while matches!((&self.winch).read(&mut sink), Ok(n) if n > 0) {}
        }
        // crossterm may also hold events it read before (several keys in one read): asking it
        // without waiting costs nothing, and the terminal is known to be there.
        event::poll(Duration::ZERO)
    }
}

/// The safety net under [`Tty::poll`]: a thread that waits for nothing but the terminal's
/// hang-up. Should the terminal go in the microseconds between our wait and crossterm's read
/// (where crossterm would spin), the loop never comes back; then, after the grace the loop
/// normally needs to save its checkpoint and end, this gives the terminal back and ends the
/// process as a hang-up does. Every change was saved before the next key, so nothing is lost
/// but the last checkpoint of a running timer.
#[cfg(unix)]
fn watch_for_hang_up(input: &Input) -> io::Result<()> {
    use std::os::fd::AsFd;
    let fd = match input {
        Input::Stdin => std::io::stdin().as_fd().try_clone_to_owned()?,
        Input::Opened(f) => f.as_fd().try_clone_to_owned()?,
    };
    std::thread::Builder::new()
        .name("podium-hang-up".into())
        .spawn(move || {
            use rustix::event::{PollFd, PollFlags};
            loop {
                // No events asked: poll reports only a hang-up, an error or a closed descriptor.
                let mut fds = [PollFd::new(&fd, PollFlags::empty())];
                match rustix::event::poll(&mut fds, None) {
                    Ok(_) if !fds[0].revents().is_empty() => break,
                    Ok(_) | Err(rustix::io::Errno::INTR) => continue,
                    Err(_) => return,
                }
            }
            std::thread::sleep(Duration::from_millis(800));
            restore();
            std::process::exit(129);
        })?;
    Ok(())
}

/// On Windows a console that goes away ends the process: crossterm's own wait is safe.
#[cfg(not(unix))]
pub(crate) struct Tty;

#[cfg(not(unix))]
impl Tty {
    pub(crate) fn open() -> io::Result<Tty> {
        Ok(Tty)
    }

    pub(crate) fn poll(&self, timeout: Duration) -> io::Result<bool> {
        event::poll(timeout)
    }
}

/// Whether an error of the terminal means it has gone (the screen then ends quietly, its list
/// saved, rather than reporting a failure no one is there to read).
pub(crate) fn is_gone(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::BrokenPipe | io::ErrorKind::UnexpectedEof | io::ErrorKind::NotConnected
    ) || (cfg!(unix) && e.raw_os_error() == Some(5)) // EIO: a closed pseudo-terminal
}

/// Gives the terminal back: raw mode off, main screen, cursor shown.
pub(crate) fn restore() {
    let _ = ratatui::try_restore();
    let _ = ratatui::crossterm::execute!(std::io::stdout(), ratatui::crossterm::cursor::Show);
}
