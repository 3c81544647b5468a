//! Finishing a connection's exchange with the server from a `Drop`: what a
//! load whose future is dropped half-way still has to do on a connection
//! the caller holds (read the rest of a statement's result, end the load's
//! own transaction), since the caller gets the connection back the moment
//! the drop returns and nothing of the library runs after it.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

/// How long a drop may wait for the server to finish: the rest of the
/// statement that was cut, then the load's ROLLBACK, both within it.
pub(crate) const LIMIT: Duration = Duration::from_secs(5);

/// What one dropped load may wait in all: every wait of its drop (the
/// rest of the cut statement, its ROLLBACK) ends by one deadline, [`LIMIT`]
/// after the first of them began.
#[derive(Default)]
pub(crate) struct Budget(std::sync::OnceLock<Instant>);

impl Budget {
    fn deadline(&self) -> Instant {
        *self.0.get_or_init(|| Instant::now() + LIMIT)
    }
}

/// Poll `work` once without waiting: whatever the socket can take or give
/// now is done (a queued ROLLBACK is written, rows already received are
/// read). Whether it finished.
pub(crate) fn without_waiting<F: Future>(work: F) -> bool {
    let mut work = pin!(work);
    let mut cx = Context::from_waker(Waker::noop());
    work.as_mut().poll(&mut cx).is_ready()
}

/// Run `work` to its end, waiting at most until `budget`'s deadline: first without waiting,
/// then, if the server still has to answer, by blocking this thread. A
/// tokio runtime lets a drop block only on a multi-thread runtime (the
/// thread hands its tasks over to another one while it waits); on a
/// current-thread runtime, or with no runtime, the socket cannot make
/// progress while this thread waits, so only what is ready now is done.
/// Whether `work` finished.
pub(crate) fn waiting<F: Future>(work: F, budget: &Budget) -> bool {
    let mut work = pin!(work);
    let mut cx = Context::from_waker(Waker::noop());
    if work.as_mut().poll(&mut cx).is_ready() {
        return true;
    }
    let Ok(handle) = tokio::runtime::Handle::try_current() else {
        return false;
    };
    if handle.runtime_flavor() != tokio::runtime::RuntimeFlavor::MultiThread {
        return false;
    }
    let deadline = budget.deadline();
    tokio::task::block_in_place(|| {
        // The same future, polled again with a waker that wakes this
        // thread: what it already did stays done. The deadline is kept
        // without tokio's timer, which a runtime may have been built
        // without (`enable_time`): a thread of its own wakes the wait when
        // it is due, and ends as soon as the wait does.
        let mut alarm: Option<Alarm> = None;
        let finished = handle.block_on(std::future::poll_fn(|cx| {
            if work.as_mut().poll(cx).is_ready() {
                return Poll::Ready(true);
            }
            let now = Instant::now();
            if now >= deadline {
                return Poll::Ready(false);
            }
            if alarm.is_none() {
                match Alarm::set(deadline, cx.waker().clone()) {
                    Some(set) => alarm = Some(set),
                    // No thread, no deadline: do not wait at all.
                    None => return Poll::Ready(false),
                }
            }
            Poll::Pending
        }));
        drop(alarm);
        finished
    })
}

/// A thread that wakes a waiting drop at its deadline; dropped (the wait
/// over), it ends at once rather than sleep out the rest of the budget.
struct Alarm {
    over: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl Alarm {
    fn set(deadline: Instant, waker: Waker) -> Option<Alarm> {
        use std::sync::atomic::Ordering;
        let over = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let seen = std::sync::Arc::clone(&over);
        let thread = std::thread::Builder::new()
            .name("related-drop-deadline".into())
            .spawn(move || {
                loop {
                    if seen.load(Ordering::Acquire) {
                        return;
                    }
                    let now = Instant::now();
                    if now >= deadline {
                        break;
                    }
                    std::thread::park_timeout(deadline - now);
                }
                waker.wake();
            })
            .ok()?;
        Some(Alarm { over, thread })
    }
}

impl Drop for Alarm {
    fn drop(&mut self) {
        self.over.store(true, std::sync::atomic::Ordering::Release);
        self.thread.thread().unpark();
    }
}

/// A stream polled to its end.
pub(crate) async fn drain<S: futures_core::Stream + Unpin>(stream: &mut S) {
    while std::future::poll_fn(|cx| std::pin::Pin::new(&mut *stream).poll_next(cx))
        .await
        .is_some()
    {}
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Held by the tests whose waits start deadline threads, so that one
    /// counting them sees only its own.
    static ALARMS: std::sync::Mutex<()> = std::sync::Mutex::new(());

    fn alarms() -> std::sync::MutexGuard<'static, ()> {
        ALARMS.lock().unwrap_or_else(|e| e.into_inner())
    }

    #[test]
    fn ready_work_finishes_without_a_runtime() {
        assert!(without_waiting(async {}));
        assert!(waiting(async {}, &Budget::default()));
    }

    #[test]
    fn pending_work_without_a_runtime_is_left() {
        assert!(!without_waiting(std::future::pending::<()>()));
        assert!(!waiting(std::future::pending::<()>(), &Budget::default()));
    }

    #[test]
    fn a_multi_thread_runtime_waits_for_the_work() {
        let _serial = alarms();
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_time()
            .build()
            .unwrap();
        let finished = rt.block_on(async {
            waiting(
                tokio::time::sleep(Duration::from_millis(20)),
                &Budget::default(),
            )
        });
        assert!(finished);
    }

    #[test]
    fn a_runtime_without_timers_waits_without_panicking() {
        let _serial = alarms();
        // Built without `enable_time`: the deadline must not need tokio's
        // timer (it panicked, from a `Drop`).
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .build()
            .unwrap();
        let (done, answer) = tokio::sync::oneshot::channel::<()>();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            let _ = done.send(());
        });
        assert!(rt.block_on(async { waiting(answer, &Budget::default()) }));
        // Work that never ends is left at the deadline.
        let budget = Budget(std::sync::OnceLock::from(
            Instant::now() + Duration::from_millis(50),
        ));
        let start = Instant::now();
        assert!(!rt.block_on(async { waiting(std::future::pending::<()>(), &budget) }));
        assert!(start.elapsed() >= Duration::from_millis(50));
        assert!(start.elapsed() < LIMIT);
    }

    #[test]
    fn the_deadline_thread_ends_with_the_wait() {
        let _serial = alarms();
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .build()
            .unwrap();
        let count = || {
            std::fs::read_dir("/proc/self/task")
                .map(|tasks| {
                    tasks
                        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("comm")).ok())
                        .filter(|name| name.trim_end().starts_with("related-drop-de"))
                        .count()
                })
                .unwrap_or(0)
        };
        for _ in 0..20 {
            let (done, answer) = tokio::sync::oneshot::channel::<()>();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(2));
                let _ = done.send(());
            });
            assert!(rt.block_on(async { waiting(answer, &Budget::default()) }));
        }
        // Each wait's thread is gone (give them a moment to be reaped),
        // not asleep for the rest of its 5 s.
        let start = Instant::now();
        while count() > 0 && start.elapsed() < Duration::from_secs(2) {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(count(), 0, "deadline threads still alive");
    }

    #[test]
    fn the_waits_of_one_drop_share_one_limit() {
        let _serial = alarms();
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_time()
            .build()
            .unwrap();
        let budget = Budget::default();
        let start = Instant::now();
        let (first, second) = rt.block_on(async {
            // The first wait takes the whole limit; the second has none left.
            let first = waiting(std::future::pending::<()>(), &budget);
            let second = waiting(tokio::time::sleep(Duration::from_millis(50)), &budget);
            (first, second)
        });
        assert!(!first && !second);
        let took = start.elapsed();
        assert!(took >= LIMIT && took < LIMIT + LIMIT, "{took:?}");
    }

    #[test]
    fn a_current_thread_runtime_does_not_block() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let finished = rt.block_on(async {
            waiting(
                tokio::time::sleep(Duration::from_millis(20)),
                &Budget::default(),
            )
        });
        assert!(!finished);
    }
}
