//! Every statement is a `tracing` event carrying its SQL, parameter count,
//! row count and duration.

use std::sync::{Arc, Mutex};

use related::Sqlite;
use related::prelude::*;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

#[derive(Clone, Debug, Model)]
struct Author {
    id: i64,
    name: String,
}

#[derive(Clone, Debug, Model)]
struct Book {
    id: i64,
    author: ForeignKey<Author>,
}

/// The (name, value) fields of one event.
type EventFields = Vec<(String, String)>;

/// Collects the fields of every `related::sql` event.
#[derive(Clone, Default)]
struct Collect(Arc<Mutex<Vec<EventFields>>>);

struct Fields(Vec<(String, String)>);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
}

impl Subscriber for Collect {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        if event.metadata().target() == "related::sql" {
            let mut fields = Fields(Vec::new());
            event.record(&mut fields);
            self.0.lock().unwrap().push(fields.0);
        }
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[test]
fn each_statement_is_an_event() {
    let db = Sqlite::open_in_memory().unwrap();
    db.create_tables(&[Author::info(), Book::info()]).unwrap();
    db.insert(&Author {
        id: 1,
        name: "Ann".into(),
    })
    .unwrap();
    db.insert(&Book {
        id: 7,
        author: ForeignKey::new(1),
    })
    .unwrap();
    let collect = Collect::default();
    let books = tracing::subscriber::with_default(collect.clone(), || {
        Book::query()
            .select_related(Book::author())
            .filter(Book::id().eq(7i64))
            .all(&db)
            .unwrap()
    });
    assert_eq!(books.len(), 1);
    let events = collect.0.lock().unwrap().clone();
    assert_eq!(events.len(), 1, "{events:#?}");
    let get = |name: &str| {
        events[0]
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("no field {name} in {:?}", events[0]))
    };
    assert!(
        get("sql").contains(r#"INNER JOIN "author""#),
        "{}",
        get("sql")
    );
    assert_eq!(get("params"), "1");
    assert_eq!(get("rows"), "1");
    assert!(get("duration_us").parse::<u64>().is_ok());
    // Two CREATE TABLE, the index on book.author_id, two inserts, one load.
    assert_eq!(db.log().count(), 3 + 2 + 1);
}
