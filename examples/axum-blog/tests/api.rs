//! The blog API as a client sees it: the service on a free local port, a
//! real HTTP client, the JSON of each endpoint, and the statements each
//! request sent (`x-statements`): 2 for a page of posts whatever its size,
//! so a query added inside the loop over posts fails this test.

use std::net::SocketAddr;

use axum_blog::{Db, app};
use serde_json::Value;

const POSTS: i64 = 23;

struct Service {
    addr: SocketAddr,
    // Keeps the server's threads alive for the test.
    _runtime: tokio::runtime::Runtime,
    agent: ureq::Agent,
    db_file: std::path::PathBuf,
}

impl Drop for Service {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.db_file.display()));
        }
    }
}

fn start(name: &str) -> Service {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let db_file =
        std::env::temp_dir().join(format!("axum-blog-test-{name}-{}.db", std::process::id()));
    let url = format!("sqlite://{}", db_file.display());
    let addr = runtime.block_on(async {
        let db = Db::connect(&url).await.unwrap();
        db.seed(POSTS).await.unwrap();
        // Port 0: the system picks a free one.
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app(db)).await });
        addr
    });
    let agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    Service {
        addr,
        _runtime: runtime,
        agent,
        db_file,
    }
}

impl Service {
    /// Status, statements sent, and JSON body of `GET path`.
    fn get(&self, path: &str) -> (u16, usize, Value) {
        let url = format!("http://{}{path}", self.addr);
        let mut response = self
            .agent
            .get(&url)
            .call()
            .unwrap_or_else(|e| panic!("GET {url}: {e}"));
        let status = response.status().as_u16();
        let statements = response
            .headers()
            .get("x-statements")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("GET {url}: no x-statements header"));
        let body = response.body_mut().read_to_string().unwrap();
        let json = serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("GET {url}: not JSON ({e}): {body}"));
        (status, statements, json)
    }
}

/// The expected post `id` of the seed, as the list shows it.
fn expected_summary(id: i64) -> Value {
    let author = id % 4 + 1;
    let names = ["rust", "sql", "web", "async", "orm"];
    let mut tags: Vec<i64> = (0..(id % 3 + 1)).map(|k| (id + k) % 5 + 1).collect();
    // Tags come in primary key order.
    tags.sort_unstable();
    serde_json::json!({
        "id": id,
        "title": format!("Post {id}"),
        "author": { "id": author, "name": format!("Author {author}") },
        "tags": tags.iter().map(|t| names[(*t - 1) as usize]).collect::<Vec<_>>(),
    })
}

#[test]
fn list_pages_in_two_statements_whatever_their_size() {
    let service = start("list");
    for per_page in [1, 5, 10, 23, 100] {
        let (status, statements, json) = service.get(&format!("/posts?page=1&per_page={per_page}"));
        assert_eq!(status, 200, "{json}");
        assert_eq!(statements, 2, "per_page={per_page}");
        let posts = json["posts"].as_array().unwrap();
        assert_eq!(posts.len(), per_page.min(POSTS as usize));
        for (i, post) in posts.iter().enumerate() {
            assert_eq!(post, &expected_summary(i as i64 + 1));
        }
    }
    // The second page of 10 starts at post 11; the last page is partial.
    let (_, statements, json) = service.get("/posts?page=2&per_page=10");
    assert_eq!(statements, 2);
    assert_eq!(json["posts"][0], expected_summary(11));
    assert_eq!(json["page"], 2);
    let (_, _, json) = service.get("/posts?page=3&per_page=10");
    assert_eq!(json["posts"].as_array().unwrap().len(), 3);
    // Defaults: page 1 of 10.
    let (_, _, json) = service.get("/posts");
    assert_eq!(json["per_page"], 10);
    assert_eq!(json["posts"].as_array().unwrap().len(), 10);
}

#[test]
fn past_the_end_and_bad_input() {
    let service = start("edges");
    // Past the end: an empty page, one statement (no posts, no tags to load).
    let (status, statements, json) = service.get("/posts?page=9&per_page=10");
    assert_eq!(status, 200);
    assert_eq!(statements, 1);
    assert_eq!(json["posts"], serde_json::json!([]));
    // So far that the offset overflows: still an empty page, no statement.
    let (status, statements, json) = service.get(&format!("/posts?page={}&per_page=100", u64::MAX));
    assert_eq!(status, 200);
    assert_eq!(statements, 0);
    assert_eq!(json["posts"], serde_json::json!([]));
    // Bad parameters: 400 with a JSON error, no statement.
    for query in [
        "page=0",
        "per_page=0",
        "per_page=101",
        "page=abc",
        "page=-1",
    ] {
        let (status, statements, json) = service.get(&format!("/posts?{query}"));
        assert_eq!(status, 400, "{query}: {json}");
        assert_eq!(statements, 0, "{query}");
        assert!(
            json["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{query}: {json}"
        );
    }
}

#[test]
fn one_post_with_comments_and_their_authors() {
    let service = start("detail");
    // Post 7: 3 comments (7 % 4), by authors (7 + k) % 4 + 1.
    let (status, statements, json) = service.get("/posts/7");
    assert_eq!(status, 200, "{json}");
    // The post with its author, its tags, its comments with their authors.
    assert_eq!(statements, 3);
    let mut expected = expected_summary(7);
    expected["body"] = "The text of post 7.".into();
    expected["comments"] = (0..3)
        .map(|k| {
            let a = (7 + k) % 4 + 1;
            serde_json::json!({
                "id": 70 + k,
                "body": format!("Comment {k} on post 7"),
                "author": { "id": a, "name": format!("Author {a}") },
            })
        })
        .collect::<Vec<_>>()
        .into();
    assert_eq!(json, expected);
    // A post without comments.
    let (_, statements, json) = service.get("/posts/8");
    assert_eq!(json["comments"], serde_json::json!([]));
    assert!(statements <= 3);
    // Unknown and malformed ids.
    let (status, _, json) = service.get("/posts/999");
    assert_eq!(status, 404);
    assert_eq!(json["error"], "no post with id 999");
    let url = format!("http://{}/posts/nope", service.addr);
    let response = service.agent.get(&url).call().unwrap();
    assert_eq!(response.status().as_u16(), 400);
}
