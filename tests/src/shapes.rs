//! Schemas for each JOIN shape: two foreign keys to one table, a self
//! relation, a reverse one-to-one, a chain of three.

use related::prelude::*;

#[derive(Clone, Debug, PartialEq, Model)]
pub struct Country {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Model)]
pub struct City {
    pub id: i64,
    pub name: String,
    pub country: ForeignKey<Country>,
}

#[derive(Clone, Debug, PartialEq, Model)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub city: Option<ForeignKey<City>>,
}

#[derive(Clone, Debug, PartialEq, Model)]
pub struct Book {
    pub id: i64,
    pub title: String,
    pub author: ForeignKey<Person>,
    pub editor: Option<ForeignKey<Person>>,
}

#[derive(Clone, Debug, PartialEq, Model)]
pub struct Category {
    pub id: i64,
    pub name: String,
    pub parent: Option<ForeignKey<Category>>,
    #[related(reverse = Category::parent)]
    pub children: Reverse<Category>,
}

#[derive(Clone, Debug, PartialEq, Model)]
pub struct Place {
    pub id: i64,
    pub name: String,
    #[related(reverse = Restaurant::place)]
    pub restaurant: ReverseOne<Restaurant>,
}

#[derive(Clone, Debug, PartialEq, Model)]
pub struct Restaurant {
    pub id: i64,
    pub serves_pizza: bool,
    pub place: OneToOne<Place>,
}

/// All shape models.
pub fn models() -> Vec<&'static related::ModelInfo> {
    vec![
        Country::info(),
        City::info(),
        Person::info(),
        Book::info(),
        Category::info(),
        Place::info(),
        Restaurant::info(),
    ]
}

/// Two countries, three cities, persons with and without a city, books with
/// and without an editor, a three-level category tree, places with and
/// without a restaurant.
pub fn seed(db: &crate::harness::Db) -> related::Result<()> {
    db.create_tables(&models())?;
    for (id, name) in [(1, "France"), (2, "Japan")] {
        db.insert(&Country {
            id,
            name: name.into(),
        })?;
    }
    for (id, name, country) in [(1, "Paris", 1), (2, "Lyon", 1), (3, "Kyoto", 2)] {
        db.insert(&City {
            id,
            name: name.into(),
            country: ForeignKey::new(country),
        })?;
    }
    for (id, name, city) in [(1, "Ann", Some(1)), (2, "Bob", None), (3, "Chi", Some(3))] {
        db.insert(&Person {
            id,
            name: name.into(),
            city: city.map(ForeignKey::new),
        })?;
    }
    for (id, title, author, editor) in [
        (1, "Alpha", 1, Some(2)),
        (2, "Beta", 2, None),
        (3, "Gamma", 3, Some(1)),
    ] {
        db.insert(&Book {
            id,
            title: title.into(),
            author: ForeignKey::new(author),
            editor: editor.map(ForeignKey::new),
        })?;
    }
    for (id, name, parent) in [
        (1, "root", None),
        (2, "child", Some(1)),
        (3, "grandchild", Some(2)),
    ] {
        db.insert(&Category {
            id,
            name: name.into(),
            parent: parent.map(ForeignKey::new),
            children: Default::default(),
        })?;
    }
    for (id, name) in [(1, "Corner"), (2, "Empty lot")] {
        db.insert(&Place {
            id,
            name: name.into(),
            restaurant: Default::default(),
        })?;
    }
    db.insert(&Restaurant {
        id: 10,
        serves_pizza: true,
        place: OneToOne::new(1),
    })?;
    Ok(())
}
