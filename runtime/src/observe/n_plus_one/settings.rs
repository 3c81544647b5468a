//! The detector's process-wide settings: [`configure`], or the environment.

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};

/// What the detector does with a statement shape repeated past the
/// threshold.
///
/// ```should_panic
/// use related::n_plus_one::{Action, Scope, Settings};
///
/// let scope = Scope::with_settings(Settings { enabled: true, threshold: 1, action: Action::Panic });
/// let db = related::Sqlite::open_in_memory().unwrap();
/// scope.run(|| {
///     db.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)", &[]).unwrap();
///     db.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)", &[]).unwrap();
/// });
/// drop(scope); // closes it: the repeated statement panics
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// A `tracing` warning (target `related::n_plus_one`) when the scope
    /// closes.
    Warn,
    /// The warning's text as a panic when the scope closes (a failing test),
    /// unless the thread is already panicking.
    Panic,
}

/// The detector's settings, process-wide: [`configure`], or the
/// environment variable `RELATED_N_PLUS_ONE` (`off`, `warn`, `panic`,
/// optionally `:<threshold>`, e.g. `RELATED_N_PLUS_ONE=panic:3 cargo test`).
///
/// ```
/// use related::n_plus_one::{self, Action, Settings};
///
/// // In a test binary: any repeated statement fails the test.
/// n_plus_one::configure(Settings { enabled: true, threshold: 5, action: Action::Panic });
/// assert_eq!(n_plus_one::settings().action, Action::Panic);
/// # n_plus_one::configure(Settings::default());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Count shapes in scopes (default: on in debug builds, off in release
    /// builds). Statement counts and budgets work either way.
    pub enabled: bool,
    /// A shape sent more than this many times in one scope is reported
    /// (default 5).
    pub threshold: usize,
    /// Warn (default) or panic.
    pub action: Action,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            enabled: cfg!(debug_assertions),
            threshold: 5,
            action: Action::Warn,
        }
    }
}

static ENABLED: AtomicBool = AtomicBool::new(cfg!(debug_assertions));
static THRESHOLD: AtomicUsize = AtomicUsize::new(5);
static PANIC: AtomicU8 = AtomicU8::new(0);

/// Settings from `RELATED_N_PLUS_ONE`, read once, before any other:
/// `off`, `warn` or `panic`, optionally with a threshold (`panic:3`). A CI
/// run can make every repeat fail the tests without touching their code.
static FROM_ENV: std::sync::Once = std::sync::Once::new();

fn read_env() {
    FROM_ENV.call_once(|| {
        let Ok(value) = std::env::var("RELATED_N_PLUS_ONE") else {
            return;
        };
        match parse_env(&value) {
            Some(settings) => store(settings),
            None => tracing::warn!(
                target: "related::n_plus_one",
                value,
                "RELATED_N_PLUS_ONE ignored: expected off, warn or panic, optionally :<threshold> (panic:3)"
            ),
        }
    });
}

fn parse_env(value: &str) -> Option<Settings> {
    let (mode, threshold) = match value.trim().split_once(':') {
        Some((mode, n)) => (mode, n.trim().parse().ok()?),
        None => (value.trim(), Settings::default().threshold),
    };
    let (enabled, action) = match mode.to_ascii_lowercase().as_str() {
        "off" => (false, Action::Warn),
        "warn" => (true, Action::Warn),
        "panic" => (true, Action::Panic),
        _ => return None,
    };
    Some(Settings {
        enabled,
        threshold,
        action,
    })
}

/// Replace the detector's settings (process-wide; scopes already open use
/// the new ones from their next statement). Overrides `RELATED_N_PLUS_ONE`.
pub fn configure(settings: Settings) {
    read_env();
    store(settings);
}

fn store(settings: Settings) {
    ENABLED.store(settings.enabled, Ordering::Relaxed);
    THRESHOLD.store(settings.threshold, Ordering::Relaxed);
    PANIC.store(
        u8::from(settings.action == Action::Panic),
        Ordering::Relaxed,
    );
}

/// The detector's current settings.
pub fn settings() -> Settings {
    read_env();
    Settings {
        enabled: ENABLED.load(Ordering::Relaxed),
        threshold: THRESHOLD.load(Ordering::Relaxed),
        action: if PANIC.load(Ordering::Relaxed) == 1 {
            Action::Panic
        } else {
            Action::Warn
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_settings() {
        let panic3 = parse_env("panic:3").unwrap();
        assert_eq!(
            (panic3.enabled, panic3.threshold, panic3.action),
            (true, 3, Action::Panic)
        );
        assert_eq!(parse_env(" Warn ").unwrap().threshold, 5);
        assert!(!parse_env("off").unwrap().enabled);
        assert_eq!(parse_env("loud"), None);
        assert_eq!(parse_env("panic:many"), None);
    }
}
