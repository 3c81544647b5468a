//! Finishing a connection's exchange with the server from a `Drop`: what a
//! load whose future is dropped half-way still has to do on a connection
//! the caller holds (read the rest of a statement's result, end the load's
//! own transaction), since the caller gets the connection back the moment
//! the drop returns and nothing of the library runs after it.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Waker};
use std::time::Duration;

/// How long a drop may wait for the server to finish: the rest of the
/// statement that was cut, then the load's ROLLBACK.
pub(crate) const LIMIT: Duration = Duration::from_secs(5);

/// Poll `work` once without waiting: whatever the socket can take or give
/// now is done (a queued ROLLBACK is written, rows already received are
/// read). Whether it finished.
pub(crate) fn without_waiting<F: Future>(work: F) -> bool {
    let mut work = pin!(work);
    let mut cx = Context::from_waker(Waker::noop());
    work.as_mut().poll(&mut cx).is_ready()
}

/// Run `work` to its end, waiting at most [`LIMIT`]: first without waiting,
/// then, if the server still has to answer, by blocking this thread. A
/// tokio runtime lets a drop block only on a multi-thread runtime (the
/// thread hands its tasks over to another one while it waits); on a
/// current-thread runtime, or with no runtime, the socket cannot make
/// progress while this thread waits, so only what is ready now is done.
/// Whether `work` finished.
pub(crate) fn waiting<F: Future>(work: F) -> bool {
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
    tokio::task::block_in_place(|| {
        // The same future, polled again with a waker that wakes this
        // thread: what it already did stays done.
        handle
            .block_on(tokio::time::timeout(LIMIT, work.as_mut()))
            .is_ok()
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
        assert!(waiting(async {}));
    }

    #[test]
    fn pending_work_without_a_runtime_is_left() {
        assert!(!without_waiting(std::future::pending::<()>()));
        assert!(!waiting(std::future::pending::<()>()));
    }

    #[test]
    fn a_multi_thread_runtime_waits_for_the_work() {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_time()
            .build()
            .unwrap();
        let finished =
            rt.block_on(async { waiting(tokio::time::sleep(Duration::from_millis(20))) });
        assert!(finished);
    }

    #[test]
    fn a_current_thread_runtime_does_not_block() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let finished =
            rt.block_on(async { waiting(tokio::time::sleep(Duration::from_millis(20))) });
        assert!(!finished);
    }
}
