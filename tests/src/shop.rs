//! The orders dashboard of the seed article, plus students and courses for
//! the two kinds of many-to-many table.

use related::prelude::*;

use crate::harness::Db;

#[derive(Clone, Debug, PartialEq, Model)]
pub struct Company {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Model)]
pub struct Customer {
    pub id: i64,
    pub name: String,
    pub company: ForeignKey<Company>,
    #[related(reverse = Order::customer)]
    pub orders: Reverse<Order>,
}

#[derive(Clone, Debug, PartialEq, Model)]
#[related(table = "shop_order")]
pub struct Order {
    pub id: i64,
    pub customer: ForeignKey<Customer>,
    #[related(reverse = Item::order)]
    pub items: Reverse<Item>,
}

#[derive(Clone, Debug, PartialEq, Model)]
pub struct Product {
    pub id: i64,
    pub name: String,
    #[related(reverse = Review::product)]
    pub reviews: Reverse<Review>,
    pub top_reviews: Prefetched<Review>,
}

#[derive(Clone, Debug, PartialEq, Model)]
pub struct Item {
    pub id: i64,
    pub order: ForeignKey<Order>,
    pub product: ForeignKey<Product>,
    pub quantity: i32,
}

#[derive(Clone, Debug, PartialEq, Model)]
pub struct Review {
    pub id: i64,
    pub product: ForeignKey<Product>,
    pub rating: i32,
}

/// Many-to-many with every default name: table `student_clubs`, columns
/// `student_id` and `club_id`.
#[derive(Clone, Debug, PartialEq, Model)]
pub struct Student {
    pub id: i64,
    pub name: String,
    pub clubs: ManyToMany<Club>,
    #[related(
        through = "enrollment",
        source_column = "student",
        target_column = "course"
    )]
    pub courses: ManyToMany<Course>,
}

#[derive(Clone, Debug, PartialEq, Model)]
pub struct Club {
    pub id: i64,
    pub name: String,
    #[related(reverse = Student::clubs)]
    pub members: Reverse<Student>,
}

#[derive(Clone, Debug, PartialEq, Model)]
pub struct Course {
    pub id: i64,
    pub title: String,
    #[related(reverse = Student::courses)]
    pub students: Reverse<Student>,
}

pub fn models() -> Vec<&'static related::ModelInfo> {
    vec![
        Company::info(),
        Customer::info(),
        Order::info(),
        Product::info(),
        Item::info(),
        Review::info(),
        Club::info(),
        Course::info(),
        Student::info(),
    ]
}

/// 2 companies, 4 customers, 6 orders (order 6 has no items), 5 products
/// with 0 to 4 reviews each, students in clubs and courses.
pub fn seed(db: &Db) -> related::Result<()> {
    db.create_tables(&models())?;
    for id in 1..=2 {
        db.insert(&Company {
            id,
            name: format!("Company {id}"),
        })?;
    }
    for id in 1..=4 {
        db.insert(&Customer {
            id,
            name: format!("Customer {id}"),
            company: ForeignKey::new(id % 2 + 1),
            orders: Default::default(),
        })?;
    }
    for id in 1..=5 {
        db.insert(&Product {
            id,
            name: format!("Product {id}"),
            reviews: Default::default(),
            top_reviews: Default::default(),
        })?;
        for r in 0..(id - 1) {
            db.insert(&Review {
                id: id * 10 + r,
                product: ForeignKey::new(id),
                rating: ((id * 3 + r) % 5 + 1) as i32,
            })?;
        }
    }
    for id in 1..=6 {
        db.insert(&Order {
            id,
            customer: ForeignKey::new(id % 4 + 1),
            items: Default::default(),
        })?;
        if id == 6 {
            continue;
        }
        for k in 0..(id % 3 + 1) {
            db.insert(&Item {
                id: id * 10 + k,
                order: ForeignKey::new(id),
                product: ForeignKey::new((id + k) % 5 + 1),
                quantity: (k + 1) as i32,
            })?;
        }
    }
    for id in 1..=3 {
        db.insert(&Club {
            id,
            name: format!("Club {id}"),
            members: Default::default(),
        })?;
        db.insert(&Course {
            id,
            title: format!("Course {id}"),
            students: Default::default(),
        })?;
    }
    for id in 1..=4 {
        db.insert(&Student {
            id,
            name: format!("Student {id}"),
            clubs: Default::default(),
            courses: Default::default(),
        })?;
        for c in 1..=3 {
            if (id + c) % 2 == 0 {
                db.link(Student::clubs(), &id, &c)?;
            }
            if id != 4 && c <= id {
                db.link(Student::courses(), &id, &c)?;
            }
        }
    }
    Ok(())
}
