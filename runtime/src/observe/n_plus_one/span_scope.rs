//! `tracing` spans as N+1 scopes: a [`tracing_subscriber::Layer`] that gives
//! chosen spans a [`Scope`], entered whenever the span is, and reported
//! when it closes.

use std::cell::RefCell;
use std::sync::Arc;

use tracing::span::{Attributes, Id};
use tracing::{Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::registry::LookupSpan;

use crate::observe::n_plus_one::{Scope, State, swap};

/// Makes spans N+1 scopes (see [`crate::n_plus_one`]): every root span (a
/// span with no parent, such as a request's), or every span of one name.
/// Statements sent while the span is entered count in it, on any thread
/// (a future instrumented with the span enters it at each poll); repeated
/// statements are reported as the settings say when the span closes.
///
/// ```
/// use related::n_plus_one::SpanLayer;
/// use tracing_subscriber::prelude::*;
///
/// let subscriber = tracing_subscriber::registry().with(SpanLayer::named("request"));
/// tracing::subscriber::with_default(subscriber, || {
///     let span = tracing::info_span!("request", path = "/posts");
///     let _entered = span.enter();
///     // ... loads: a statement sent more than 5 times is reported when
///     // the span closes ...
/// });
/// ```
#[derive(Clone, Debug, Default)]
pub struct SpanLayer {
    name: Option<&'static str>,
}

impl SpanLayer {
    /// Every root span is a scope.
    pub fn new() -> SpanLayer {
        SpanLayer { name: None }
    }

    /// Every span named `name` is a scope (`tracing::info_span!("request")`).
    pub fn named(name: &'static str) -> SpanLayer {
        SpanLayer { name: Some(name) }
    }

    fn wants(&self, metadata: &Metadata<'_>, is_root: bool) -> bool {
        match self.name {
            Some(name) => metadata.name() == name,
            None => is_root,
        }
    }
}

/// The scope a span carries in its extensions.
struct SpanScope(Scope);

thread_local! {
    /// What each span scope entered on this thread replaced, innermost last.
    static ENTERED: RefCell<Vec<Option<Arc<State>>>> = const { RefCell::new(Vec::new()) };
}

impl<S> Layer<S> for SpanLayer
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        if !self.wants(attrs.metadata(), span.parent().is_none()) {
            return;
        }
        let meta = attrs.metadata();
        let origin = format!(
            "the span `{}` ({}:{})",
            meta.name(),
            meta.file().unwrap_or("?"),
            meta.line().unwrap_or(0)
        );
        span.extensions_mut()
            .insert(SpanScope(Scope::detached(origin)));
    }

    fn on_enter(&self, id: &Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let extensions = span.extensions();
        if let Some(SpanScope(scope)) = extensions.get::<SpanScope>() {
            let previous = swap(Some(Arc::clone(scope.state())));
            ENTERED.with(|e| e.borrow_mut().push(previous));
        }
    }

    fn on_exit(&self, id: &Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        if span.extensions().get::<SpanScope>().is_some() {
            let previous = ENTERED.with(|e| e.borrow_mut().pop()).flatten();
            swap(previous);
        }
    }

    fn on_close(&self, id: Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(&id) else { return };
        let scope = span.extensions_mut().remove::<SpanScope>();
        if let Some(SpanScope(scope)) = scope {
            scope.finish();
        }
    }
}
