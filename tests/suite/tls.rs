//! TLS (feature `tls`): loads over an encrypted connection, and every way
//! the handshake can fail is a clear `Error::Connect`, never a panic.
//!
//! PostgreSQL: `.ci/pg-tls` gives the local server a certificate signed by
//! a throw-away CA, kept next to the certificate (`SHOW ssl_cert_file`).
//! MariaDB here has no TLS: asking for it must fail clearly, and
//! `preferred` must fall back to a plain connection.

use std::path::PathBuf;
use std::time::Duration;

use related::Error;
use related::sqlx;
use related::sqlx::mysql::{MySqlConnectOptions, MySqlPoolOptions, MySqlSslMode};
use related::sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use related_tests::blog::{self, Post};
use related_tests::harness::{Backend, Case, Db};
use related_tests::server;

pub const CASES: &[Case] = &[
    Case::new("tls::postgres_require", postgres_require).on(&[Backend::Postgres]),
    Case::new("tls::postgres_verify_full", postgres_verify_full).on(&[Backend::Postgres]),
    Case::new("tls::postgres_refused_certificates", postgres_refused).on(&[Backend::Postgres]),
    Case::new("tls::mysql_without_server_tls", mysql_without_server_tls).on(&[Backend::Mysql]),
];

fn query() -> related::Query<Post, impl Sized> {
    Post::query()
        .select_related(Post::author())
        .prefetch_related(Post::tags())
        .order_by(Post::id().asc())
}

/// Options onto this case's scratch schema, from the URL with `params`
/// appended (`sslmode=...`), as a user would write them.
fn pg_url(params: &str) -> PgConnectOptions {
    let base = server::postgres_url();
    let base = base.split('?').next().unwrap_or(&base).to_owned();
    format!("{base}?{params}")
        .parse()
        .unwrap_or_else(|e| panic!("{base}?{params}: {e}"))
}

fn pg_pool(db: &Db, options: PgConnectOptions) -> PgPool {
    let _guard = server::runtime().enter();
    let scratch = db.as_server().unwrap().scratch().to_owned();
    PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(3))
        .connect_lazy_with(options.options([("search_path", scratch)]))
}

/// The CA `.ci/pg-tls` made, next to the server's certificate.
fn pg_ca(db: &Db) -> PathBuf {
    let pool = pg_pool(db, pg_url("sslmode=disable"));
    let cert: String = db
        .block_on(sqlx::query_scalar("SHOW ssl_cert_file").fetch_one(&pool))
        .unwrap();
    let ca = PathBuf::from(&cert).with_file_name("ca.crt");
    assert!(
        ca.exists(),
        "no CA next to the server's certificate {cert}: run .ci/pg-tls (as .ci/run does)"
    );
    ca
}

/// Whether the pool's connection is encrypted, as the server sees it.
fn encrypted(db: &Db, pool: &PgPool) -> bool {
    db.block_on(
        sqlx::query_scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            .fetch_one(pool),
    )
    .unwrap()
}

/// The load over `pool` returns what the harness's plain connection does.
fn same_load(db: &Db, pool: &PgPool) {
    let expected = db.all(&query()).unwrap();
    let over_tls = db
        .block_on(related::expect_statements_async(2, query().all_async(pool)))
        .unwrap();
    assert_eq!(over_tls, expected);
    assert_eq!(over_tls.len(), 5);
}

fn connect_error(db: &Db, pool: &PgPool) -> String {
    match db.block_on(query().all_async(pool)) {
        Err(Error::Connect { message, .. }) => message,
        other => panic!("expected a connection error, got {other:?}"),
    }
}

fn postgres_require(db: &Db) {
    blog::seed(db, 5).unwrap();
    let pool = pg_pool(db, pg_url("sslmode=require"));
    same_load(db, &pool);
    assert!(encrypted(db, &pool));
    // The suite's own URL keeps TLS off.
    let plain = pg_pool(db, pg_url("sslmode=disable"));
    assert!(!encrypted(db, &plain));
}

fn postgres_verify_full(db: &Db) {
    blog::seed(db, 5).unwrap();
    let ca = pg_ca(db);
    let pool = pg_pool(
        db,
        pg_url(&format!("sslmode=verify-full&sslrootcert={}", ca.display())),
    );
    same_load(db, &pool);
    assert!(encrypted(db, &pool));
}

fn postgres_refused(db: &Db) {
    blog::seed(db, 1).unwrap();
    // No root given: the built-in public roots do not know the test CA.
    let pool = pg_pool(db, pg_url("sslmode=verify-full"));
    let message = connect_error(db, &pool);
    assert!(message.contains("statement: SELECT"), "{message}");
    assert!(message.to_lowercase().contains("certificate"), "{message}");

    // The wrong root: another certificate than the one that signed the
    // server's.
    let wrong = "/etc/ssl/certs/ssl-cert-snakeoil.pem";
    if std::path::Path::new(wrong).exists() {
        let pool = pg_pool(
            db,
            pg_url(&format!("sslmode=verify-ca&sslrootcert={wrong}")),
        );
        let message = connect_error(db, &pool);
        assert!(message.to_lowercase().contains("certificate"), "{message}");
    }

    // A root file that does not exist: the error names it.
    let missing = "/nonexistent/related-ca.crt";
    let pool = pg_pool(
        db,
        pg_url(&format!("sslmode=verify-full&sslrootcert={missing}")),
    );
    let message = connect_error(db, &pool);
    assert!(
        message.contains("related-ca.crt") || message.to_lowercase().contains("no such file"),
        "{message}"
    );
}

fn my_pool(db: &Db, mode: MySqlSslMode) -> related::sqlx::MySqlPool {
    let _guard = server::runtime().enter();
    let scratch = db.as_server().unwrap().scratch().to_owned();
    let options: MySqlConnectOptions = server::mysql_url().parse().unwrap();
    MySqlPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(Duration::from_secs(3))
        .connect_lazy_with(options.database(&scratch).ssl_mode(mode))
}

fn mysql_without_server_tls(db: &Db) {
    blog::seed(db, 5).unwrap();
    let server_tls: (String, String) = {
        let pool = my_pool(db, MySqlSslMode::Disabled);
        db.block_on(sqlx::query_as("SHOW VARIABLES LIKE 'have_ssl'").fetch_one(&pool))
            .unwrap()
    };
    let required = my_pool(db, MySqlSslMode::Required);
    if server_tls.1 == "YES" {
        // A server with TLS: the load runs encrypted.
        let expected = db.all(&query()).unwrap();
        assert_eq!(db.block_on(query().all_async(&required)).unwrap(), expected);
        return;
    }
    // The handshake is asked for and refused: a clear error, no panic.
    match db.block_on(query().all_async(&required)) {
        Err(Error::Connect { message, .. }) => {
            assert!(message.contains("TLS"), "{message}");
            assert!(message.contains("statement: SELECT"), "{message}");
        }
        other => panic!("expected a connection error, got {other:?}"),
    }
    // `preferred` falls back to a plain connection.
    let preferred = my_pool(db, MySqlSslMode::Preferred);
    let expected = db.all(&query()).unwrap();
    assert_eq!(
        db.block_on(query().all_async(&preferred)).unwrap(),
        expected
    );
}
