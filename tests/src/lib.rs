//! Shared models and helpers for the integration tests.
