//! Shared rows: a row that several rows of one load point at (one author of
//! many posts, one tag on many posts) is decoded once and held in one `Arc`;
//! changing it through one parent copies it first; owned copies on request.

use std::collections::HashMap;
use std::sync::Arc;

use related::prelude::*;
use related_tests::blog::{self, Author, Post, Tag};
use related_tests::harness::{Case, Db};

pub const CASES: &[Case] = &[
    Case::new("shared::join_shares_rows_by_key", join_shares_rows_by_key),
    Case::new("shared::prefetch_shares_children", prefetch_shares_children),
    Case::new(
        "shared::joins_inside_a_level_share",
        joins_inside_a_level_share,
    ),
    Case::new(
        "shared::level_below_a_join_fills_every_parent",
        level_below_a_join_fills_every_parent,
    ),
    Case::new("shared::get_mut_copies_on_write", get_mut_copies_on_write),
    Case::new("shared::owned_copies", owned_copies),
    Case::new(
        "shared::back_reference_one_copy_per_parent",
        back_reference_one_copy_per_parent,
    ),
];

/// Every `Arc` of `rows` by the key `key` gives, asserting that all the
/// `Arc`s of one key are the same allocation; returns how many distinct.
fn one_arc_per_key<T>(rows: impl IntoIterator<Item = Arc<T>>, key: impl Fn(&T) -> i64) -> usize {
    let mut seen: HashMap<i64, Arc<T>> = HashMap::new();
    for row in rows {
        let first = seen.entry(key(&row)).or_insert_with(|| Arc::clone(&row));
        assert!(Arc::ptr_eq(first, &row), "row {} is copied", key(&row));
    }
    seen.len()
}

fn join_shares_rows_by_key(db: &Db) {
    blog::seed(db, 40).unwrap();
    let posts = db
        .all(
            &Post::query()
                .select_related(Post::author().then(Author::publisher()))
                .order_by(Post::id().asc()),
        )
        .unwrap();
    assert_eq!(posts.len(), 40);
    let authors: Vec<Arc<Author>> = posts
        .iter()
        .map(|p| Arc::clone(p.author.shared().unwrap()))
        .collect();
    // Post i has author i % 10 + 1: ten authors, each shared by four posts.
    assert_eq!(one_arc_per_key(authors.iter().cloned(), |a| a.id), 10);
    for (p, a) in posts.iter().zip(&authors) {
        assert_eq!(a.id, p.id % 10 + 1);
        assert_eq!(a.name, format!("Author {}", a.id));
        assert_eq!(*a.publisher.key(), a.id % 3 + 1);
    }
    // The hop below is shared too: three publishers.
    let publishers = authors
        .iter()
        .map(|a| Arc::clone(a.publisher.shared().unwrap()));
    assert_eq!(one_arc_per_key(publishers, |p| p.id), 3);
}

fn prefetch_shares_children(db: &Db) {
    blog::seed(db, 40).unwrap();
    let posts = db
        .all(
            &Post::query()
                .prefetch_related(Post::tags())
                .order_by(Post::id().asc()),
        )
        .unwrap();
    let tags: Vec<Arc<Tag>> = posts
        .iter()
        .flat_map(|p| p.tags.get().unwrap().iter().cloned())
        .collect();
    // 1 to 4 tags per post (100 links) over the 8 tags, each held once.
    assert_eq!(tags.len(), 100);
    assert_eq!(one_arc_per_key(tags.iter().cloned(), |t| t.id), 8);
    for t in &tags {
        assert_eq!(t.name, format!("tag{}", t.id));
    }
}

fn joins_inside_a_level_share(db: &Db) {
    blog::seed(db, 40).unwrap();
    let tags = db
        .all(
            &Tag::query()
                .prefetch(Prefetch::new(Tag::posts()).select_related(Post::author()))
                .order_by(Tag::id().asc()),
        )
        .unwrap();
    let authors = tags.iter().flat_map(|t| {
        t.posts
            .get()
            .unwrap()
            .iter()
            .map(|p| Arc::clone(p.author.shared().unwrap()))
            .collect::<Vec<_>>()
    });
    assert_eq!(one_arc_per_key(authors, |a| a.id), 10);
    // A post on several tags is one row too.
    let posts = tags.iter().flat_map(|t| t.posts.get().unwrap().to_vec());
    assert_eq!(one_arc_per_key(posts, |p| p.id), 40);
}

/// A prefetch below a JOINed relation fills the JOINed row of every parent,
/// also when several parents point at the same row.
fn level_below_a_join_fills_every_parent(db: &Db) {
    blog::seed(db, 40).unwrap();
    let posts = db
        .all(
            &Post::query()
                .select_related(Post::author())
                .prefetch_related(Post::author().then(Author::posts()))
                .order_by(Post::id().asc()),
        )
        .unwrap();
    assert_eq!(posts.len(), 40);
    for p in &posts {
        let author = p.author.get().unwrap();
        let mine: Vec<i64> = author.posts.get().unwrap().iter().map(|q| q.id).collect();
        let expected: Vec<i64> = (1..=40).filter(|i| i % 10 + 1 == author.id).collect();
        assert_eq!(mine, expected, "post {}", p.id);
        // Each child's back reference is its author.
        for q in author.posts.get().unwrap() {
            assert_eq!(q.author.get().unwrap().id, author.id);
        }
    }
}

fn get_mut_copies_on_write(db: &Db) {
    blog::seed(db, 20).unwrap();
    let mut posts = db
        .all(
            &Post::query()
                .select_related(Post::author())
                .prefetch_related(Post::tags())
                .order_by(Post::id().asc()),
        )
        .unwrap();
    // Posts 1 and 11 share author 2; posts 1 and 9 share tag 2.
    assert!(Arc::ptr_eq(
        posts[0].author.shared().unwrap(),
        posts[10].author.shared().unwrap()
    ));
    posts[0].author.get_mut().unwrap().name = "Renamed".into();
    assert_eq!(posts[0].author.get().unwrap().name, "Renamed");
    assert_eq!(posts[10].author.get().unwrap().name, "Author 2");
    assert!(!Arc::ptr_eq(
        posts[0].author.shared().unwrap(),
        posts[10].author.shared().unwrap()
    ));

    let tag = &mut posts[0].tags.get_mut().unwrap()[0];
    assert_eq!(tag.id, 2);
    Arc::make_mut(tag).name = "changed".into();
    assert_eq!(posts[0].tags.get().unwrap()[0].name, "changed");
    let other = posts[8].tags.get().unwrap();
    let other = other.iter().find(|t| t.id == 2).expect("post 9 has tag 2");
    assert_eq!(other.name, "tag2");
}

fn owned_copies(db: &Db) {
    blog::seed(db, 20).unwrap();
    let mut posts = db
        .all(
            &Post::query()
                .prefetch_related(Post::tags())
                .order_by(Post::id().asc()),
        )
        .unwrap();
    let expected: Vec<(i64, String)> = (1..=20)
        .flat_map(|i: i64| {
            let mut t: Vec<i64> = (0..(i % 4 + 1)).map(|k| (i + k * 3) % 8 + 1).collect();
            t.sort();
            t.into_iter().map(|t| (t, format!("tag{t}")))
        })
        .collect();
    let copies: Vec<Tag> = posts
        .iter()
        .flat_map(|p| p.tags.to_owned_vec().unwrap())
        .collect();
    let owned: Vec<Tag> = posts
        .iter_mut()
        .flat_map(|p| p.tags.take_owned().unwrap())
        .collect();
    let pairs = |tags: &[Tag]| -> Vec<(i64, String)> {
        tags.iter().map(|t| (t.id, t.name.clone())).collect()
    };
    assert_eq!(pairs(&copies), expected);
    assert_eq!(pairs(&owned), expected);
    assert!(posts.iter().all(|p| !p.tags.is_loaded()));
}

/// A reverse prefetch's children point back at one copy of their parent,
/// shared by the siblings; changing it through one child copies it first.
fn back_reference_one_copy_per_parent(db: &Db) {
    blog::seed(db, 40).unwrap();
    let mut authors = db
        .all(
            &Author::query()
                .prefetch_related(Author::posts())
                .order_by(Author::id().asc()),
        )
        .unwrap();
    let mut copies = 0;
    for a in &authors {
        let posts = a.posts.get().unwrap();
        assert!(posts.len() > 1, "author {} has several posts", a.id);
        copies += one_arc_per_key(
            posts.iter().map(|p| Arc::clone(p.author.shared().unwrap())),
            |x| x.id,
        );
        for p in posts {
            let parent = p.author.get().unwrap();
            assert_eq!((parent.id, &parent.name), (a.id, &a.name));
            assert!(
                parent.posts.get().is_err(),
                "the copy does not nest the posts"
            );
        }
    }
    assert_eq!(copies, authors.len(), "one copy per author");
    // Renaming through the first post leaves its siblings' copy alone.
    let first = &mut authors[0];
    let name = first.name.clone();
    let posts = first.posts.get_mut().unwrap();
    Arc::make_mut(&mut posts[0]).author.get_mut().unwrap().name = "Renamed".into();
    assert_eq!(posts[0].author.get().unwrap().name, "Renamed");
    for p in &posts[1..] {
        assert_eq!(p.author.get().unwrap().name, name);
    }
    assert!(!Arc::ptr_eq(
        posts[0].author.shared().unwrap(),
        posts[1].author.shared().unwrap()
    ));
    assert_eq!(first.name, name, "the parent itself is not the copy");
}
