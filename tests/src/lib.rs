//! Models and the backend harness shared by the integration suite.

pub mod blog;
pub mod harness;
pub mod hostile;
pub mod long_chain;
pub mod membership;
pub mod oracle_models;
pub mod ordered;
pub mod server;
pub mod shapes;
pub mod shop;
