//! Loads that must not come back wrong in silence: text keys under the
//! column's collation, `first`/`one` over a query's own limit and offset,
//! NULL in comparisons, narrowing of floats, `raw` by column name, and
//! decode errors that name the right model and field.

use related::prelude::*;
use related::{CellError, Dialect, Error, Found, Prefetch, Value};
use related_tests::blog::{self, Author, Post, Publisher, Tag};
use related_tests::harness::{Backend, Case, Db};

pub const CASES: &[Case] = &[
    Case::new(
        "correctness::text_keys_match_as_the_database_compares",
        text_keys_match_as_the_database_compares,
    ),
    Case::new(
        "correctness::char_keys_match_as_the_database_compares",
        char_keys_match_as_the_database_compares,
    ),
    Case::new(
        "correctness::create_tables_makes_exact_text_keys",
        create_tables_makes_exact_text_keys,
    ),
    // DDL text only: no database involved.
    Case::new(
        "correctness::text_key_columns_per_server",
        text_key_columns_per_server,
    )
    .on(related_tests::harness::SQLITE),
    Case::new(
        "correctness::per_parent_limit_counts_each_exact_key_apart",
        per_parent_limit_counts_each_exact_key_apart,
    ),
    Case::new(
        "correctness::text_key_statements_join_the_key_list",
        text_key_statements_join_the_key_list,
    ),
    Case::slow(
        "correctness::text_keys_beyond_the_parameter_limit",
        text_keys_beyond_the_parameter_limit,
    ),
    Case::new(
        "correctness::limit_and_offset_take_any_integer",
        limit_and_offset_take_any_integer,
    ),
    Case::new(
        "correctness::first_and_one_keep_limit_and_offset",
        first_and_one_keep_limit_and_offset,
    ),
    Case::new(
        "correctness::first_without_an_order_is_the_lowest_key",
        first_without_an_order_is_the_lowest_key,
    ),
    Case::new(
        "correctness::queries_no_row_can_match_send_nothing",
        queries_no_row_can_match_send_nothing,
    ),
    Case::new("correctness::null_in_comparisons", null_in_comparisons),
    Case::new(
        "correctness::text_filters_compare_exactly",
        text_filters_compare_exactly,
    ),
    Case::new(
        "correctness::nan_is_kept_or_refused",
        nan_is_kept_or_refused,
    ),
    Case::new(
        "correctness::narrowing_out_of_range_is_an_error",
        narrowing_out_of_range_is_an_error,
    ),
    Case::new(
        "correctness::raw_reads_columns_by_name",
        raw_reads_columns_by_name,
    ),
    Case::new(
        "correctness::link_decode_error_names_the_relation",
        link_decode_error_names_the_relation,
    ),
];

// ---------------------------------------------------------------------------
// Text keys.

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_country")]
pub struct Country {
    #[related(primary_key)]
    pub code: String,
    pub name: String,
    #[related(reverse = City::country)]
    pub cities: Reverse<City>,
    #[related(
        through = "t_country_languages",
        source_column = "country_code",
        target_column = "language_code"
    )]
    pub languages: ManyToMany<Language>,
    pub city_count: Counted<City>,
    pub language_count: Counted<Language>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_city")]
pub struct City {
    pub id: i64,
    pub name: String,
    pub country: ForeignKey<Country>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "t_language")]
pub struct Language {
    #[related(primary_key)]
    pub code: String,
    pub name: String,
    #[related(reverse = Country::languages)]
    pub countries: Reverse<Country>,
}

/// The text-key tables with a case-insensitive collation on every key
/// column (MySQL's default `utf8mb4_general_ci` also ignores trailing
/// blanks; the link table there uses `utf8mb4_bin`, which only ignores
/// trailing blanks).
fn create_case_insensitive_tables(db: &Db) {
    let (ci, link_ci, int, text) = match db.backend() {
        Backend::Sqlite => (
            "TEXT COLLATE NOCASE",
            "TEXT COLLATE NOCASE",
            "INTEGER",
            "TEXT",
        ),
        Backend::Postgres => {
            // Nondeterministic: `=` itself ignores case, as MySQL's does.
            db.execute(
                "CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
                &[],
            )
            .unwrap();
            ("TEXT COLLATE ci", "TEXT COLLATE ci", "BIGINT", "TEXT")
        }
        Backend::Mysql => (
            "VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
            "VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
            "BIGINT",
            "TEXT",
        ),
    };
    for ddl in [
        format!("CREATE TABLE t_country (code {ci} PRIMARY KEY, name {text} NOT NULL)"),
        format!(
            "CREATE TABLE t_city (id {int} PRIMARY KEY, name {text} NOT NULL, country_id {ci} NOT NULL)"
        ),
        format!("CREATE TABLE t_language (code {link_ci} PRIMARY KEY, name {text} NOT NULL)"),
        format!(
            "CREATE TABLE t_country_languages (country_code {ci} NOT NULL, language_code {link_ci} NOT NULL)"
        ),
    ] {
        db.execute(&ddl, &[]).unwrap();
    }
}

/// Text keys in `CHAR(5)` columns, which PostgreSQL pads with blanks when
/// it reads them but compares without: `select_related`, a prefetch from
/// either side and a filter relate the same rows, and a key reads the
/// same on every backend (`fr`, without the padding).
fn char_keys_match_as_the_database_compares(db: &Db) {
    let int = if db.backend() == Backend::Sqlite {
        "INTEGER"
    } else {
        "BIGINT"
    };
    for ddl in [
        "CREATE TABLE t_country (code CHAR(5) PRIMARY KEY, name TEXT NOT NULL)".to_owned(),
        format!(
            "CREATE TABLE t_city (id {int} PRIMARY KEY, name TEXT NOT NULL, country_id CHAR(5) NOT NULL)"
        ),
        "CREATE TABLE t_language (code CHAR(5) PRIMARY KEY, name TEXT NOT NULL)".to_owned(),
        "CREATE TABLE t_country_languages (country_code CHAR(5) NOT NULL, language_code CHAR(5) NOT NULL)".to_owned(),
    ] {
        db.execute(&ddl, &[]).unwrap();
    }
    db.insert_all(&[country("fr"), country("de")]).unwrap();
    db.insert_all(&[language("fr"), language("de"), language("en")])
        .unwrap();
    db.insert_all(&[city(1, "fr"), city(2, "fr"), city(3, "de")])
        .unwrap();
    for (c, l) in [("fr", "fr"), ("de", "de"), ("de", "en")] {
        db.execute(
            &db.sql(
                r#"INSERT INTO "t_country_languages" ("country_code", "language_code") VALUES (?, ?)"#,
            ),
            &[Value::Text(c.to_owned()), Value::Text(l.to_owned())],
        )
        .unwrap();
    }
    fn by_city<L>(db: &Db, q: Query<City, L>) -> Vec<String> {
        db.all(&q.order_by(City::id().asc()))
            .unwrap()
            .iter()
            .map(|c| c.country.get().unwrap().code.clone())
            .collect()
    }
    assert_eq!(
        by_city(db, City::query().select_related(City::country())),
        ["fr", "fr", "de"]
    );
    assert_eq!(
        by_city(db, City::query().prefetch_related(City::country())),
        ["fr", "fr", "de"]
    );
    let countries = db
        .all(
            &Country::query()
                .prefetch_related(Country::cities())
                .prefetch_related(Country::languages())
                .order_by(Country::code().asc()),
        )
        .unwrap();
    assert_eq!(codes(&countries, |c| c.code.clone()), ["de", "fr"]);
    let cities: Vec<usize> = countries
        .iter()
        .map(|c| c.cities.get().unwrap().len())
        .collect();
    assert_eq!(cities, [1, 2]);
    let languages: Vec<Vec<String>> = countries
        .iter()
        .map(|c| codes(c.languages.get().unwrap(), |l| l.code.clone()))
        .collect();
    assert_eq!(languages, [vec!["de", "en"], vec!["fr"]]);
    let spoken = db
        .all(
            &Language::query()
                .prefetch_related(Language::countries())
                .order_by(Language::code().asc()),
        )
        .unwrap();
    let spoken: Vec<usize> = spoken
        .iter()
        .map(|l| l.countries.get().unwrap().len())
        .collect();
    assert_eq!(spoken, [1, 1, 1]);
    let counted = db
        .all(
            &Country::query()
                .count_related(Country::cities(), Country::city_count())
                .count_related(Country::languages(), Country::language_count())
                .order_by(Country::code().asc()),
        )
        .unwrap();
    let counts: Vec<(u64, u64)> = counted
        .iter()
        .map(|c| (c.city_count.get().unwrap(), c.language_count.get().unwrap()))
        .collect();
    assert_eq!(counts, [(1, 2), (2, 1)]);
    assert_eq!(
        db.all(&City::query().filter(City::country_id().eq("fr")))
            .unwrap()
            .len(),
        2
    );
}

fn country(code: &str) -> Country {
    Country {
        code: code.to_owned(),
        name: format!("country {code}"),
        cities: Default::default(),
        languages: Default::default(),
        city_count: Default::default(),
        language_count: Default::default(),
    }
}

fn language(code: &str) -> Language {
    Language {
        code: code.to_owned(),
        name: format!("language {code}"),
        countries: Default::default(),
    }
}

fn city(id: i64, country: &str) -> City {
    City {
        id,
        name: format!("city {id}"),
        country: ForeignKey::new(country.to_owned()),
    }
}

fn codes<T>(rows: &[T], code: impl Fn(&T) -> String) -> Vec<String> {
    let mut out: Vec<String> = rows.iter().map(code).collect();
    out.sort();
    out
}

/// The rows of `M` the database itself relates to `key`: one statement per
/// key, `sql` with one placeholder (in the SQLite form).
fn per_row<M: Model>(db: &Db, sql: &str, key: &str) -> Vec<M> {
    db.raw::<M>(&db.sql(sql), &[Value::Text(key.to_owned())])
        .unwrap()
}

/// With a collation that folds case (and, on MySQL, trailing blanks),
/// `select_related`, `prefetch_related` and one query per row must agree on
/// which rows are related, from both sides of a foreign key and of a
/// many-to-many relation.
fn text_keys_match_as_the_database_compares(db: &Db) {
    create_case_insensitive_tables(db);
    db.insert_all(&[country("FR"), country("jp"), country("de")])
        .unwrap();
    let cities = [
        city(1, "fr"),
        city(2, "FR"),
        city(3, "JP"),
        city(4, "Fr"),
        city(5, "fr "),
        city(6, "it"),
    ];
    db.insert_all(&cities).unwrap();
    db.insert_all(&[language("FR"), language("en"), language("pt")])
        .unwrap();
    for (c, l) in [
        ("fr", "FR"),
        ("FR", "EN"),
        ("JP", "en"),
        ("de", "en "),
        ("jp", "pt"),
    ] {
        db.execute(
            &db.sql("INSERT INTO t_country_languages (country_code, language_code) VALUES (?, ?)"),
            &[Value::Text(c.into()), Value::Text(l.into())],
        )
        .unwrap();
    }

    // Forward: each city's country, three ways.
    let joined = db
        .all(
            &City::query()
                .select_related(City::country())
                .order_by(City::id().asc()),
        )
        .unwrap();
    let prefetched = db
        .all(
            &City::query()
                .prefetch_related(City::country())
                .order_by(City::id().asc()),
        )
        .unwrap();
    for c in &cities {
        let expected: Vec<Country> = per_row(
            db,
            "SELECT * FROM t_country WHERE code = ?",
            c.country.key(),
        );
        let pre = prefetched.iter().find(|p| p.id == c.id).unwrap();
        let got = pre.country.get().ok().map(|x| x.code.clone());
        assert_eq!(
            got,
            expected.first().map(|x| x.code.clone()),
            "prefetch_related, city {} -> {:?}",
            c.id,
            c.country.key()
        );
        // The INNER JOIN drops a city whose country is missing.
        let via_join = joined
            .iter()
            .find(|j| j.id == c.id)
            .map(|j| j.country.get().unwrap().code.clone());
        assert_eq!(
            via_join, got,
            "select_related and prefetch_related agree on city {}",
            c.id
        );
    }
    assert_eq!(
        prefetched[0].country.get().unwrap().code,
        "FR",
        "`fr` finds `FR` as the JOIN does"
    );

    // Reverse: each country's cities.
    let countries = db
        .all(
            &Country::query()
                .prefetch_related(Country::cities())
                .order_by(Country::code().asc()),
        )
        .unwrap();
    assert_eq!(countries.len(), 3);
    for c in &countries {
        let expected: Vec<City> = per_row(
            db,
            "SELECT * FROM t_city WHERE country_id = ? ORDER BY id",
            &c.code,
        );
        assert_eq!(
            c.cities
                .get()
                .unwrap()
                .iter()
                .map(|x| x.id)
                .collect::<Vec<_>>(),
            expected.iter().map(|x| x.id).collect::<Vec<_>>(),
            "cities of {:?}",
            c.code
        );
        // And the JOIN from the other side sends the same cities here.
        let mut from_join: Vec<i64> = joined
            .iter()
            .filter(|j| j.country.get().unwrap().code == c.code)
            .map(|j| j.id)
            .collect();
        from_join.sort();
        assert_eq!(
            c.cities
                .get()
                .unwrap()
                .iter()
                .map(|x| x.id)
                .collect::<Vec<_>>(),
            from_join
        );
    }
    let fr = countries.iter().find(|c| c.code == "FR").unwrap();
    assert!(
        fr.cities.get().unwrap().len() >= 3,
        "fr, FR and Fr are FR's"
    );
    // Counted as the database relates them too, both kinds of relation.
    let counted = db
        .all(
            &Country::query()
                .count_related(Country::cities(), Country::city_count())
                .count_related(Country::languages(), Country::language_count()),
        )
        .unwrap();
    for c in &counted {
        let cities: Vec<City> = per_row(db, "SELECT * FROM t_city WHERE country_id = ?", &c.code);
        let languages: Vec<Language> = per_row(
            db,
            "SELECT t_language.* FROM t_language INNER JOIN t_country_languages ON t_country_languages.language_code = t_language.code WHERE t_country_languages.country_code = ?",
            &c.code,
        );
        assert_eq!(
            c.city_count.get().unwrap(),
            cities.len() as u64,
            "cities of {:?}",
            c.code
        );
        assert_eq!(
            c.language_count.get().unwrap(),
            languages.len() as u64,
            "languages of {:?}",
            c.code
        );
    }

    // Many-to-many, both sides, against one query per row.
    let countries = db
        .all(&Country::query().prefetch_related(Country::languages()))
        .unwrap();
    for c in &countries {
        let expected: Vec<Language> = per_row(
            db,
            "SELECT t_language.* FROM t_language INNER JOIN t_country_languages ON t_country_languages.language_code = t_language.code WHERE t_country_languages.country_code = ?",
            &c.code,
        );
        assert_eq!(
            codes(c.languages.get().unwrap(), |l| l.code.clone()),
            codes(&expected, |l| l.code.clone()),
            "languages of {:?}",
            c.code
        );
    }
    assert!(
        !countries
            .iter()
            .find(|c| c.code == "FR")
            .unwrap()
            .languages
            .get()
            .unwrap()
            .is_empty()
    );
    let languages = db
        .all(&Language::query().prefetch_related(Language::countries()))
        .unwrap();
    for l in &languages {
        let expected: Vec<Country> = per_row(
            db,
            "SELECT t_country.* FROM t_country INNER JOIN t_country_languages ON t_country_languages.country_code = t_country.code WHERE t_country_languages.language_code = ?",
            &l.code,
        );
        assert_eq!(
            codes(l.countries.get().unwrap(), |c| c.code.clone()),
            codes(&expected, |c| c.code.clone()),
            "countries of {:?}",
            l.code
        );
    }
    assert!(
        !languages
            .iter()
            .find(|l| l.code == "FR")
            .unwrap()
            .countries
            .get()
            .unwrap()
            .is_empty()
    );

    // A Prefetch with its own query and a per-parent limit partitions by the
    // key each row matched.
    let countries = db
        .all(
            &Country::query().prefetch(
                Prefetch::new(Country::cities())
                    .order_by(City::id().desc())
                    .limit(2),
            ),
        )
        .unwrap();
    let fr = countries.iter().find(|c| c.code == "FR").unwrap();
    let all_fr: Vec<City> = per_row(
        db,
        "SELECT * FROM t_city WHERE country_id = ? ORDER BY id DESC",
        "FR",
    );
    assert_eq!(
        fr.cities
            .get()
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect::<Vec<_>>(),
        all_fr.iter().take(2).map(|c| c.id).collect::<Vec<_>>()
    );
}

/// `create_tables` makes text keys exact on every backend: keys that differ
/// in case or trailing blanks are different rows, and each child finds its
/// own parent only.
fn create_tables_makes_exact_text_keys(db: &Db) {
    db.create_tables(&[Country::info(), City::info(), Language::info()])
        .unwrap();
    let keys = ["fr", "FR", "fr ", "Fr"];
    db.insert_all(&keys.map(country)).unwrap();
    db.insert_all(&keys.map(language)).unwrap();
    let cities: Vec<City> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| city(i as i64 + 1, k))
        .collect();
    db.insert_all(&cities).unwrap();
    for (i, k) in keys.iter().enumerate() {
        let other = keys[(i + 1) % keys.len()];
        db.link(Country::languages(), &k.to_string(), &other.to_string())
            .unwrap();
    }
    let joined = db
        .all(
            &City::query()
                .select_related(City::country())
                .order_by(City::id().asc()),
        )
        .unwrap();
    let prefetched = db
        .all(
            &City::query()
                .prefetch_related(City::country())
                .order_by(City::id().asc()),
        )
        .unwrap();
    for (j, p) in joined.iter().zip(&prefetched) {
        assert_eq!(&j.country.get().unwrap().code, j.country.key());
        assert_eq!(&p.country.get().unwrap().code, p.country.key());
    }
    let countries = db
        .all(
            &Country::query()
                .prefetch_related(Country::cities())
                .prefetch_related(Country::languages()),
        )
        .unwrap();
    assert_eq!(countries.len(), 4);
    for c in &countries {
        let cities: Vec<&str> = c
            .cities
            .get()
            .unwrap()
            .iter()
            .map(|x| x.country.key().as_str())
            .collect();
        assert_eq!(cities, [c.code.as_str()], "only the exact key's city");
        let i = keys.iter().position(|k| *k == c.code).unwrap();
        let langs: Vec<&str> = c
            .languages
            .get()
            .unwrap()
            .iter()
            .map(|l| l.code.as_str())
            .collect();
        assert_eq!(langs, [keys[(i + 1) % keys.len()]]);
    }
}

/// Which collation each server's text columns get: exact (binary, no
/// padding) for keys, and on MySQL / MariaDB for the others too.
fn text_key_columns_per_server(_db: &Db) {
    use related::schema::{Flavor, create_tables};
    let models = [Country::info(), City::info(), Language::info()];
    let ddl = |flavor| create_tables(flavor, &models).join(";\n");
    let mysql = "VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin";
    let mariadb = "VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin";
    for (flavor, key, other) in [
        (
            Flavor::Mysql,
            mysql,
            "LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_bin",
        ),
        (
            Flavor::MariaDb,
            mariadb,
            "LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin",
        ),
        (Flavor::Postgres, r#"TEXT COLLATE "C""#, "TEXT"),
    ] {
        let ddl = ddl(flavor);
        let q = |c: &str| match flavor {
            Flavor::Postgres => format!("\"{c}\""),
            _ => format!("`{c}`"),
        };
        for column in ["code", "country_id", "country_code", "language_code"] {
            assert!(
                ddl.contains(&format!("{} {key}", q(column))),
                "{flavor:?}: {column} is an exact key column:\n{ddl}"
            );
        }
        assert!(
            ddl.contains(&format!("{} {other} NOT NULL", q("name"))),
            "{ddl}"
        );
    }
    let sqlite = ddl(Flavor::Sqlite);
    assert!(sqlite.contains(r#""code" TEXT PRIMARY KEY"#), "{sqlite}");
    assert!(!sqlite.contains("COLLATE"), "{sqlite}");
    assert_eq!(
        Flavor::from_mysql_version("10.11.6-MariaDB-0+deb12u1"),
        Flavor::MariaDb
    );
    assert_eq!(Flavor::from_mysql_version("8.0.36"), Flavor::Mysql);
}

/// Exact parent keys (`fr`, `FR`) over children whose key column folds
/// case: each parent has its own top N, even though the same children
/// match both (the ranking must not fold the keys together).
fn per_parent_limit_counts_each_exact_key_apart(db: &Db) {
    db.create_tables(&[Country::info(), Language::info()])
        .unwrap();
    let ci = match db.backend() {
        Backend::Sqlite => "TEXT COLLATE NOCASE",
        Backend::Postgres => {
            db.execute(
                "CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
                &[],
            )
            .unwrap();
            "TEXT COLLATE ci"
        }
        Backend::Mysql => "VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
    };
    db.execute(
        &format!("CREATE TABLE t_city (id BIGINT PRIMARY KEY, name TEXT NOT NULL, country_id {ci} NOT NULL)"),
        &[],
    )
    .unwrap();
    db.insert_all(&[country("fr"), country("FR"), country("de")])
        .unwrap();
    db.insert_all(&[city(1, "Fr"), city(2, "fr"), city(3, "FR"), city(4, "de")])
        .unwrap();
    for n in 1..=3 {
        let countries = db
            .all(
                &Country::query()
                    .prefetch(
                        Prefetch::new(Country::cities())
                            .order_by(City::id().asc())
                            .limit(n),
                    )
                    .order_by(Country::code().asc()),
            )
            .unwrap();
        let got: Vec<(String, Vec<i64>)> = countries
            .iter()
            .map(|c| {
                (
                    c.code.clone(),
                    c.cities.get().unwrap().iter().map(|x| x.id).collect(),
                )
            })
            .collect();
        let top = |ids: &[i64]| ids.iter().copied().take(n as usize).collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                ("FR".to_owned(), top(&[1, 2, 3])),
                ("de".to_owned(), top(&[4])),
                ("fr".to_owned(), top(&[1, 2, 3])),
            ],
            "top {n} per parent"
        );
    }
}

/// The shape of a text-key prefetch: the key list joined as a table, each
/// row carrying the key it matched; integer keys keep the plain `IN` list.
fn text_key_statements_join_the_key_list(db: &Db) {
    db.create_tables(&[Country::info(), City::info(), Language::info()])
        .unwrap();
    db.insert_all(&[country("fr"), country("jp")]).unwrap();
    db.insert_all(&[city(1, "fr"), city(2, "jp")]).unwrap();
    let (rows, sent) = db.capture(|| {
        db.all(
            &Country::query()
                .prefetch_related(Country::cities())
                .prefetch_related(Country::languages()),
        )
    });
    rows.unwrap();
    let sql: Vec<&str> = sent.iter().map(|s| s.sql.as_str()).collect();
    let (cities, languages) = match db.dialect() {
        Dialect::Sqlite => (
            r#"SELECT "t_city"."id", "t_city"."name", "t_city"."country_id", "__k"."value" FROM rarray(?) AS "__k" INNER JOIN "t_city" ON "t_city"."country_id" = "__k"."value""#,
            r#"SELECT "t_language"."code", "t_language"."name", "__k"."value" FROM rarray(?) AS "__k" INNER JOIN "t_country_languages" ON "t_country_languages"."country_code" = "__k"."value" INNER JOIN "t_language" ON "t_country_languages"."language_code" = "t_language"."code""#,
        ),
        Dialect::Postgres => (
            // Text keys read as `text` (a `CHAR(n)` key without padding).
            r#"SELECT "t_city"."id", "t_city"."name", "t_city"."country_id"::text, "__k"."value" FROM unnest($1::text[]) AS "__k" ("value") INNER JOIN "t_city" ON "t_city"."country_id" = "__k"."value""#,
            r#"SELECT "t_language"."code"::text, "t_language"."name", "__k"."value" FROM unnest($1::text[]) AS "__k" ("value") INNER JOIN "t_country_languages" ON "t_country_languages"."country_code" = "__k"."value" INNER JOIN "t_language" ON "t_country_languages"."language_code" = "t_language"."code""#,
        ),
        Dialect::Mysql => (
            "SELECT `t_city`.`id`, `t_city`.`name`, `t_city`.`country_id`, `__k`.`value` FROM (SELECT ? AS `value` UNION ALL SELECT ?) AS `__k` INNER JOIN `t_city` ON `t_city`.`country_id` = `__k`.`value`",
            "SELECT `t_language`.`code`, `t_language`.`name`, `__k`.`value` FROM (SELECT ? AS `value` UNION ALL SELECT ?) AS `__k` INNER JOIN `t_country_languages` ON `t_country_languages`.`country_code` = `__k`.`value` INNER JOIN `t_language` ON `t_country_languages`.`language_code` = `t_language`.`code`",
        ),
    };
    assert_eq!(sql[1..], [cities, languages]);
    // The plan shows the same statements.
    let plan = Country::query()
        .prefetch_related(Country::cities())
        .plan(db.dialect());
    if db.dialect() != Dialect::Mysql {
        assert_eq!(plan[1].sql, cities);
    }
    // Key lists bound one placeholder per key: a `VALUES` table.
    if let Some(conn) = db.as_sqlite().map(|_| {
        related::Sqlite::open_in_memory()
            .unwrap()
            .with_expanded_key_lists()
    }) {
        let plan = Country::query()
            .prefetch_related(Country::cities())
            .plan_for(&conn);
        assert_eq!(
            plan[1].sql,
            r#"SELECT "t_city"."id", "t_city"."name", "t_city"."country_id", "__k"."column1" FROM (VALUES (?)) AS "__k" INNER JOIN "t_city" ON "t_city"."country_id" = "__k"."column1""#
        );
    }
    // Integer keys keep the plain `IN` list.
    blog::seed(db, 3).unwrap();
    let (rows, sent) = db.capture(|| db.all(&Author::query().prefetch_related(Author::posts())));
    rows.unwrap();
    assert!(
        sent[1]
            .sql
            .ends_with(&db.sql(r#"FROM "blog_post" WHERE "blog_post"."author_id" IN rarray(?)"#)),
        "{}",
        sent[1].sql
    );
}

/// More distinct text keys than one statement may bind on MySQL (65,535
/// placeholders): the key list is split, and every parent finds its rows.
fn text_keys_beyond_the_parameter_limit(db: &Db) {
    db.create_tables(&[Country::info(), City::info(), Language::info()])
        .unwrap();
    const N: i64 = 70_000;
    let countries: Vec<Country> = (0..N).map(|i| country(&format!("c{i}"))).collect();
    db.insert_all(&countries).unwrap();
    let cities: Vec<City> = (0..N)
        .filter(|i| i % 7 == 0)
        .map(|i| city(i, &format!("c{i}")))
        .collect();
    db.insert_all(&cities).unwrap();
    let (loaded, sent) =
        db.capture(|| db.all(&Country::query().prefetch_related(Country::cities())));
    let loaded = loaded.unwrap();
    assert_eq!(loaded.len(), N as usize);
    let expected_statements = if db.dialect() == Dialect::Mysql { 3 } else { 2 };
    assert_eq!(sent.len(), expected_statements);
    for c in &loaded {
        let i: i64 = c.code[1..].parse().unwrap();
        let got: Vec<i64> = c.cities.get().unwrap().iter().map(|x| x.id).collect();
        assert_eq!(got, if i % 7 == 0 { vec![i] } else { vec![] }, "{}", c.code);
    }
}

// ---------------------------------------------------------------------------
// first / one.

fn ids(authors: &[Author]) -> Vec<i64> {
    authors.iter().map(|a| a.id).collect()
}

/// `first()` is the first row of the query's own result (offset kept,
/// `limit(0)` leaves none); `one()` reads the query's result too, and says
/// "more than one" however many there are beyond one.
fn first_and_one_keep_limit_and_offset(db: &Db) {
    blog::seed(db, 0).unwrap();
    let by_id = Author::query().order_by(Author::id().asc());
    assert_eq!(ids(&db.all(&by_id).unwrap()), (1..=10).collect::<Vec<_>>());
    let first = |q: &Query<Author>| db.first(q).unwrap().map(|a| a.id);
    assert_eq!(first(&by_id), Some(1));
    assert_eq!(first(&by_id.clone().offset(5)), Some(6), "the sixth row");
    assert_eq!(first(&by_id.clone().limit(0)), None, "limit(0) has no row");
    assert_eq!(first(&by_id.clone().limit(3).offset(2)), Some(3));
    assert_eq!(first(&by_id.clone().offset(10)), None);

    let three = by_id.clone().filter(Author::id().le(3i64));
    match db.one(&three) {
        Err(Error::NotOne { model, found, .. }) => {
            assert_eq!((model, found), ("Author", Found::MoreThanOne));
        }
        other => panic!("expected NotOne, got {other:?}"),
    }
    let message = db.one(&three).unwrap_err().to_string();
    assert!(message.contains("found more than one"), "{message}");
    assert_eq!(db.one(&three.clone().limit(1)).unwrap().id, 1);
    assert_eq!(db.one(&three.clone().offset(2)).unwrap().id, 3);
    match db.one(&three.clone().limit(0)) {
        Err(Error::NotOne { found, .. }) => assert_eq!(found, Found::None),
        other => panic!("expected NotOne, got {other:?}"),
    }
    match db.one(&three.clone().offset(3)) {
        Err(Error::NotOne { found, .. }) => assert_eq!(found, Found::None),
        other => panic!("expected NotOne, got {other:?}"),
    }
}

/// `limit` and `offset` take any integer type (a `usize` page size, an
/// `i64` from a request); a negative one is an error naming it before
/// anything is sent, on the query and on a `Prefetch`'s per-parent limit.
fn limit_and_offset_take_any_integer(db: &Db) {
    blog::seed(db, 0).unwrap();
    let by_id = Author::query().order_by(Author::id().asc());
    let (page, size): (usize, usize) = (1, 3);
    let got = db
        .all(&by_id.clone().limit(size).offset(page * size))
        .unwrap();
    assert_eq!(ids(&got), [4, 5, 6]);
    let got = db.all(&by_id.clone().limit(2i64).offset(7u32)).unwrap();
    assert_eq!(ids(&got), [8, 9]);
    let got = db.all(&by_id.clone().limit(1u8).offset(-0i16)).unwrap();
    assert_eq!(ids(&got), [1]);

    for (query, what, value) in [
        (by_id.clone().limit(-1i32), "limit", -1),
        (by_id.clone().offset(-20isize), "offset", -20),
        (by_id.clone().limit(i64::MIN), "limit", i64::MIN),
    ] {
        let (result, sent) = db.capture(|| db.all(&query));
        match result {
            Err(Error::Negative {
                model,
                what: w,
                value: v,
            }) => {
                assert_eq!((model, w, v), ("Author", what, value));
            }
            other => panic!("expected Negative, got {other:?}"),
        }
        assert!(sent.is_empty(), "sent {sent:?}");
    }
    let (counted, sent) = db.capture(|| db.count(&by_id.clone().limit(-5)));
    assert!(
        matches!(counted, Err(Error::Negative { value: -5, .. })),
        "{counted:?}"
    );
    let (exists, sent_too) = db.capture(|| db.exists(&by_id.clone().offset(-1)));
    assert!(
        matches!(exists, Err(Error::Negative { value: -1, .. })),
        "{exists:?}"
    );
    assert!(
        sent.is_empty() && sent_too.is_empty(),
        "sent {sent:?} {sent_too:?}"
    );
    let message = db.all(&by_id.clone().offset(-3)).unwrap_err().to_string();
    assert_eq!(
        message,
        "`offset(-3)` on a query of `Author`: a number of rows cannot be negative"
    );

    let per_parent = Author::query().prefetch(Prefetch::new(Author::posts()).limit(-2));
    let nested = Publisher::query().prefetch(
        Prefetch::new(Publisher::authors()).prefetch(Prefetch::new(Author::posts()).limit(-2)),
    );
    let (result, sent) = db.capture(|| db.all(&per_parent));
    let (nested_result, nested_sent) = db.capture(|| db.all(&nested));
    for result in [result.map(|_| ()), nested_result.map(|_| ())] {
        match result {
            Err(Error::Negative { model, what, value }) => {
                assert_eq!((model, what, value), ("Post", "limit", -2));
            }
            other => panic!("expected Negative, got {other:?}"),
        }
    }
    assert!(
        sent.is_empty() && nested_sent.is_empty(),
        "sent {sent:?} {nested_sent:?}"
    );
}

// ---------------------------------------------------------------------------
// NULL in comparisons.

/// `eq(None)` is IS NULL and `ne(None)` IS NOT NULL (Django's
/// `field=None`); an ordering comparison takes a value, never NULL (a
/// `lt(None)` does not compile), and never matches a NULL row.
fn null_in_comparisons(db: &Db) {
    blog::seed(db, 0).unwrap();
    let emails =
        |q: Query<Author>| -> Vec<i64> { ids(&db.all(&q.order_by(Author::id().asc())).unwrap()) };
    assert_eq!(
        emails(Author::query().filter(Author::email().eq(None))),
        [1, 3, 5, 7, 9]
    );
    assert_eq!(
        emails(Author::query().filter(Author::email().ne(None))),
        [2, 4, 6, 8, 10]
    );
    // Every author's email is `a<id>@example.com` or NULL.
    assert_eq!(
        emails(Author::query().filter(Author::email().lt("a4"))),
        [2, 10],
        "`a10@...` and `a2@...` sort before `a4`; NULL rows never match"
    );
    assert_eq!(
        emails(Author::query().filter(Author::email().ge("a"))),
        [2, 4, 6, 8, 10]
    );
    assert_eq!(
        emails(Author::query().filter(!Author::email().ge("a"))),
        [1, 3, 5, 7, 9],
        "`!` is Django's `~Q`: NULL >= 'a' is not true, so NULL rows match"
    );
    assert_eq!(
        emails(Author::query().filter(Author::email().is_not_null() & !Author::email().lt("a4"))),
        [4, 6, 8],
        "the NULL rows dropped as the README says"
    );
    // An optional value as it comes from a request: `Some` compares,
    // `None` is IS NULL (an `Option<&str>` converted, as the note says).
    let wanted: Option<&str> = Some("a4@example.com");
    let q = Author::query().filter(Author::email().eq(wanted.map(String::from)));
    assert_eq!(emails(q), [4]);
    let missing: Option<&str> = None;
    let q = Author::query().filter(Author::email().eq(missing.map(String::from)));
    assert_eq!(emails(q), [1, 3, 5, 7, 9]);
}

// ---------------------------------------------------------------------------
// Narrowing.

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "n_values")]
pub struct Wide {
    pub id: i64,
    pub single: f64,
    pub maybe_single: Option<f64>,
    pub small: i64,
}

/// The same table read into narrower types.
#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "n_values")]
pub struct Narrow {
    pub id: i64,
    pub single: f32,
    pub maybe_single: Option<f32>,
    pub small: i16,
}

/// A value that does not fit the field's type is an error naming the
/// field, whether it is an integer or a float: a DOUBLE beyond f32's range
/// does not become infinity.
fn narrowing_out_of_range_is_an_error(db: &Db) {
    db.create_tables(&[Wide::info()]).unwrap();
    let fits = Wide {
        id: 1,
        single: 1.5,
        maybe_single: Some(-2.25),
        small: -300,
    };
    db.insert(&fits).unwrap();
    let read = db.all(&Narrow::query()).unwrap();
    assert_eq!(
        read,
        [Narrow {
            id: 1,
            single: 1.5,
            maybe_single: Some(-2.25),
            small: -300
        }]
    );
    let cases = [
        (
            Wide {
                id: 2,
                single: 1e300,
                ..fits.clone()
            },
            "single",
            "f32",
        ),
        (
            Wide {
                id: 3,
                single: -1e300,
                ..fits.clone()
            },
            "single",
            "f32",
        ),
        (
            Wide {
                id: 4,
                maybe_single: Some(1e39),
                ..fits.clone()
            },
            "maybe_single",
            "f32",
        ),
        (
            Wide {
                id: 5,
                small: 40_000,
                ..fits.clone()
            },
            "small",
            "i16",
        ),
    ];
    for (row, field, ty) in cases {
        let id = row.id;
        db.insert(&row).unwrap();
        match db.all(&Narrow::query().filter(Narrow::id().eq(id))) {
            Err(Error::Decode {
                model,
                field: f,
                error: CellError::OutOfRange { expected, .. },
                ..
            }) => {
                assert_eq!((model, f, expected), ("Narrow", field, ty), "row {id}");
            }
            other => panic!("row {id}: expected an out-of-range error, got {other:?}"),
        }
        // `raw` reads through the same getters.
        let sql = db.sql(r#"SELECT * FROM "n_values" WHERE "id" = ?"#);
        assert!(matches!(
            db.raw::<Narrow>(&sql, &[Value::I64(id)]),
            Err(Error::Decode {
                error: CellError::OutOfRange { .. },
                ..
            })
        ));
    }
}

// ---------------------------------------------------------------------------
// raw by column name.

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "r_label")]
pub struct Label {
    pub id: i64,
    pub name: String,
    pub note: String,
    pub score: i64,
}

/// `raw` fills each field from the column of its name, whatever the order
/// of the result's columns; extra columns are ignored; a missing or
/// repeated column is an error naming model, field, column and statement.
fn raw_reads_columns_by_name(db: &Db) {
    // The table's columns in another order than the model's.
    let (int, text) = match db.backend() {
        Backend::Sqlite => ("INTEGER", "TEXT"),
        Backend::Postgres | Backend::Mysql => ("BIGINT", "TEXT"),
    };
    db.execute(
        &db.sql(&format!(
            r#"CREATE TABLE "r_label" ("note" {text} NOT NULL, "score" {int} NOT NULL, "name" {text} NOT NULL, "id" {int} PRIMARY KEY)"#
        )),
        &[],
    )
    .unwrap();
    let rows = [
        Label {
            id: 1,
            name: "one".into(),
            note: "first".into(),
            score: 30,
        },
        Label {
            id: 2,
            name: "two".into(),
            note: "second".into(),
            score: 20,
        },
    ];
    db.insert_all(&rows).unwrap();
    let star = db.sql(r#"SELECT * FROM "r_label" ORDER BY "id""#);
    assert_eq!(db.raw::<Label>(&star, &[]).unwrap(), rows);
    let extra =
        db.sql(r#"SELECT 7 AS "other", "r_label".*, 'x' AS "more" FROM "r_label" ORDER BY "id""#);
    assert_eq!(
        db.raw::<Label>(&extra, &[]).unwrap(),
        rows,
        "extra columns are ignored"
    );
    let unquoted = db.sql("SELECT NOTE, SCORE, NAME, ID FROM r_label ORDER BY id");
    assert_eq!(
        db.raw::<Label>(&unquoted, &[]).unwrap(),
        rows,
        "names match without case"
    );

    let missing = db.sql(r#"SELECT "id", "name", "score" FROM "r_label""#);
    match db.raw::<Label>(&missing, &[]) {
        Err(e @ Error::Decode { .. }) => {
            let Error::Decode {
                model,
                field,
                column,
                ref error,
                ref statement,
            } = e
            else {
                unreachable!()
            };
            assert_eq!((model, field, column), ("Label", "note", "note"));
            assert!(matches!(error, CellError::NotInResult(_)), "{error:?}");
            assert_eq!(statement, &missing);
            let message = e.to_string();
            assert!(message.contains("no column"), "{message}");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    let twice = db.sql(r#"SELECT "r_label".*, "name" FROM "r_label""#);
    match db.raw::<Label>(&twice, &[]) {
        Err(Error::Decode {
            model,
            field,
            error: CellError::NotInResult(why),
            ..
        }) => {
            assert_eq!((model, field), ("Label", "name"));
            assert!(why.contains("2 columns"), "{why}");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Decode errors name the right model and field.

/// A link-table key that does not decode names the relation's own model
/// and field (`Post.tags`), not the target's.
fn link_decode_error_names_the_relation(db: &Db) {
    blog::seed(db, 3).unwrap();
    // Replace the link table by one whose post column is a float: 1.0
    // still matches key 1, but does not decode as the post's i64 key.
    db.execute(&db.sql(r#"DROP TABLE "blog_post_tags""#), &[])
        .unwrap();
    let float = match db.dialect() {
        Dialect::Sqlite => "REAL",
        Dialect::Postgres => "DOUBLE PRECISION",
        Dialect::Mysql => "DOUBLE",
    };
    db.execute(
        &db.sql(&format!(r#"CREATE TABLE "blog_post_tags" ("post_id" {float} NOT NULL, "tag_id" BIGINT NOT NULL)"#)),
        &[],
    )
    .unwrap();
    db.execute(
        &db.sql(r#"INSERT INTO "blog_post_tags" ("post_id", "tag_id") VALUES (1.0, 1)"#),
        &[],
    )
    .unwrap();
    match db.all(&Post::query().prefetch_related(Post::tags())) {
        Err(Error::Decode {
            model,
            field,
            column,
            statement,
            ..
        }) => {
            assert_eq!((model, field, column), ("Post", "tags", "post_id"));
            assert!(statement.contains("blog_post_tags"), "{statement}");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

/// `first()` of a query with no order (no `order_by`, no default
/// `ordering`) is its row with the lowest primary key, as Django's
/// `first()` orders by `pk`; not whichever row the database met first
/// (SQLite reads this filter through the index on `country_id`, `de`
/// before `fr`). A query with an order keeps it.
fn first_without_an_order_is_the_lowest_key(db: &Db) {
    db.create_tables(&[Country::info(), City::info(), Language::info()])
        .unwrap();
    db.execute(
        &db.sql("CREATE INDEX t_city_country ON t_city (country_id)"),
        &[],
    )
    .unwrap();
    db.insert_all(&[country("fr"), country("de")]).unwrap();
    db.insert_all(&[city(1, "fr"), city(2, "de"), city(3, "fr")])
        .unwrap();
    let q = City::query().filter(City::country_id().is_in(["de", "fr"]));
    let (first, sent) = db.capture(|| db.first(&q));
    assert_eq!(first.unwrap().map(|c| c.id), Some(1));
    assert!(sent[0].sql.contains("ORDER BY"), "{}", sent[0].sql);
    assert_eq!(
        db.first(&q.clone().order_by(City::id().desc()))
            .unwrap()
            .map(|c| c.id),
        Some(3)
    );
}

/// A query no row can match whatever the data sends nothing, as Django
/// sends nothing for one (`EmptyResultSet`): an empty `is_in`, or one of
/// NULLs only, ANDed with other conditions or on both sides of an OR; a
/// `Prefetch` level of such a query leaves every parent with no rows. A
/// NOT of it matches every row, and is sent.
fn queries_no_row_can_match_send_nothing(db: &Db) {
    blog::seed(db, 6).unwrap();
    let none: Vec<i64> = Vec::new();
    let nulls: Vec<Option<i64>> = vec![None, None];
    let empty = [
        Post::query().filter(Post::id().is_in(&none)),
        Post::query().filter(Post::title().like("%") & Post::id().is_in(&none)),
        Post::query().filter(Post::id().is_in(&none) | Post::author_id().is_in(&none)),
        Post::query().filter(Post::editor_id().is_in(&nulls)),
        Post::query().filter(Post::tags().any(Tag::id().is_in(&none))),
    ];
    for q in &empty {
        let (out, sent) = db.capture(|| {
            (
                db.all(q).unwrap().len(),
                db.count(q).unwrap(),
                db.exists(q).unwrap(),
                db.first(q).unwrap().is_none(),
            )
        });
        assert_eq!(out, (0, 0, false, true));
        assert!(sent.is_empty(), "{sent:#?}");
    }
    // Nor do the levels below an empty base.
    let q = Post::query()
        .filter(Post::id().is_in(&none))
        .prefetch_related(Post::tags());
    let (rows, sent) = db.capture(|| db.all(&q).unwrap());
    assert!(rows.is_empty() && sent.is_empty(), "{sent:#?}");
    // NOT of an empty list: every row, one statement.
    let all = Post::query().filter(!Post::id().is_in(&none));
    let (rows, sent) = db.capture(|| db.all(&all).unwrap());
    assert_eq!((rows.len(), sent.len()), (6, 1));
    // A prefetch level of an empty list: the base statement only.
    let q =
        Author::query().prefetch(Prefetch::new(Author::posts()).filter(Post::id().is_in(&none)));
    let (authors, sent) = db.capture(|| db.all(&q).unwrap());
    assert_eq!(sent.len(), 1, "{sent:#?}");
    assert!(!authors.is_empty());
    assert!(authors.iter().all(|a| a.posts.get().unwrap().is_empty()));
}

/// Text columns `create_tables` made compare exactly on every backend:
/// case and trailing blanks count, as in Rust (MySQL's `utf8mb4_bin` would
/// ignore trailing blanks), in filters on the model and through relations.
fn text_filters_compare_exactly(db: &Db) {
    db.create_tables(&blog::models()).unwrap();
    db.insert(&Publisher {
        id: 1,
        name: "P".into(),
        authors: Default::default(),
    })
    .unwrap();
    let names = ["Ann", "Ann ", "ann", "Ann  ", ""];
    for (i, name) in (1..).zip(names) {
        db.insert(&Author {
            id: i,
            name: name.into(),
            email: None,
            publisher: ForeignKey::new(1),
            posts: Default::default(),
        })
        .unwrap();
        db.insert(&Post {
            id: i,
            title: format!("t{}", " ".repeat(i as usize)),
            author: ForeignKey::new(i),
            editor: None,
            tags: Default::default(),
            python_tags: Default::default(),
        })
        .unwrap();
    }
    let authors = |f| {
        let mut ids: Vec<i64> = db
            .all(&Author::query().filter(f))
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect();
        ids.sort_unstable();
        ids
    };
    assert_eq!(authors(Author::name().eq("Ann")), [1]);
    assert_eq!(authors(Author::name().ne("Ann")), [2, 3, 4, 5]);
    assert_eq!(authors(Author::name().is_in(["Ann ", ""])), [2, 5]);
    assert_eq!(authors(Author::name().lt("Ann ")), [1, 5]);
    assert_eq!(authors(Author::posts().any(Post::title().eq("t "))), [1]);
    let posts: Vec<i64> = db
        .all(
            &Post::query()
                .filter(Post::author().col(Author::name()).eq("Ann"))
                .order_by(Post::id().asc()),
        )
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(posts, [1]);
}

/// A NaN is stored where the backend has one (PostgreSQL) and refused with
/// an error naming it where it has none: SQLite would store NULL (read back
/// as `None`, or a NOT NULL failure saying nothing of NaN), MySQL refuses it
/// itself. Never a row that reads back as another value.
fn nan_is_kept_or_refused(db: &Db) {
    db.create_tables(&[Wide::info()]).unwrap();
    let row = |id, single, maybe_single| Wide {
        id,
        single,
        maybe_single,
        small: 0,
    };
    let writes = [
        db.insert(&row(1, 0.5, Some(f64::NAN))),
        db.insert(&row(2, f64::NAN, None)),
    ];
    let read = db.all(&Wide::query().order_by(Wide::id().asc())).unwrap();
    match db.backend() {
        Backend::Postgres => {
            assert!(writes.iter().all(Result::is_ok), "{writes:?}");
            assert!(read[0].maybe_single.is_some_and(f64::is_nan), "{read:?}");
            assert!(read[1].single.is_nan(), "{read:?}");
        }
        backend => {
            for w in &writes {
                let shown = w.as_ref().unwrap_err().to_string();
                let names_it = match backend {
                    Backend::Sqlite => {
                        shown.contains("NaN") && shown.contains("cannot bind a parameter")
                    }
                    _ => shown.contains("maybe_single") || shown.contains("single"),
                };
                assert!(names_it, "{shown}");
            }
            assert_eq!(read, []);
        }
    }
}
