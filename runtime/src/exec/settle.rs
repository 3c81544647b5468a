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
        // it is due.
        let mut alarm = false;
        handle.block_on(std::future::poll_fn(|cx| {
            if work.as_mut().poll(cx).is_ready() {
                return Poll::Ready(true);
            }
            let now = Instant::now();
            if now >= deadline {
                return Poll::Ready(false);
            }
            if !alarm {
                alarm = true;
                let waker = cx.waker().clone();
                let due = deadline - now;
                let set = std::thread::Builder::new()
                    .name("related-drop-deadline".into())
                    .spawn(move || {
                        std::thread::sleep(due);
                        waker.wake();
                    });
                if set.is_err() {
                    // No thread, no deadline: do not wait at all.
                    return Poll::Ready(false);
                }
            }
            Poll::Pending
        }))
    })
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
    fn the_waits_of_one_drop_share_one_limit() {
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
