//! Collects the errors of one derive, so that a struct with three mistakes
//! reports three errors in one build instead of one per build.

use std::cell::RefCell;
use std::fmt::Display;

use quote::ToTokens;

/// Shared by reference through parsing and checking: attribute parsing runs
/// inside syn's `parse_nested_meta` closures, which only get `&` access.
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt::default()
    }

    /// An error covering all of `tokens`, so the caret underlines exactly
    /// what the user wrote.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&self, tokens: T, message: M) {
        self.syn_error(syn::Error::new_spanned(tokens, message));
    }

    pub fn syn_error(&self, error: syn::Error) {
        self.errors.borrow_mut().push(error);
    }

    pub fn error_count(&self) -> usize {
        self.errors.borrow().len()
    }

    /// Every error so far, as one `syn::Error` whose `to_compile_error`
    /// emits each of them at its own span.
    #[must_use = "the errors are lost unless returned to the compiler"]
    pub fn check(self) -> syn::Result<()> {
        let mut errors = self.errors.into_inner().into_iter();
        match errors.next() {
            None => Ok(()),
            Some(mut first) => {
                first.extend(errors);
                Err(first)
            }
        }
    }
}
