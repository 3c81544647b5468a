//! The blog API on a local port:
//!
//! ```text
//! cargo run -p axum-blog                                   # SQLite file in the temp dir, port 3000
//! cargo run -p axum-blog -- sqlite://blog.db 127.0.0.1:8080
//! cargo run -p axum-blog --features postgres -- postgres://postgres@127.0.0.1:5432/test
//! curl 'http://127.0.0.1:3000/posts?page=2&per_page=5'
//! curl -i http://127.0.0.1:3000/posts/7                   # x-statements: 3
//! ```
//!
//! It creates its `api_*` tables in the database (dropping old ones) and
//! fills them with a small blog.

use std::process::ExitCode;

use axum_blog::{Db, app};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let default_db = std::env::temp_dir().join("axum-blog.db");
    let url = args
        .next()
        .unwrap_or_else(|| format!("sqlite://{}", default_db.display()));
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:3000".to_owned());
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cannot start tokio: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(&url, &addr)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(url: &str, addr: &str) -> Result<(), String> {
    let db = Db::connect(url).await?;
    db.seed(50).await.map_err(|e| e.to_string())?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    println!("serving {url} on http://{addr}/posts");
    axum::serve(listener, app(db))
        .await
        .map_err(|e| e.to_string())
}
