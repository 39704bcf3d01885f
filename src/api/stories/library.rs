//! `GET /api/stories`: the library of published stories. Search (FTS5), filters, five sorts and
//! keyset pagination, answered from one indexed query: counts come from maintained columns, never
//! a query per row, and list items carry no page bodies or drawings.

use hyper::StatusCode;
use rusqlite::ToSql;
use rusqlite::types::Value as SqlValue;
use serde::{Deserialize, Serialize};

use crate::api::ctx::Ctx;
use crate::api::pagination;
use crate::domain::story::{Sort, fts_query, genre_bit};
use crate::error::{Error, Result};
use crate::http::response::{Response, json_response};

/// One library entry.
#[derive(Serialize)]
pub struct Item {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub author: Author,
    pub cover_url: Option<String>,
    pub genres: Box<serde_json::value::RawValue>,
    pub language: String,
    pub page_count: i64,
    pub like_count: i64,
    pub comment_count: i64,
    pub view_count: i64,
    pub rating: Rating,
    pub collaborative: bool,
    pub published_at: String,
    #[serde(skip)]
    key: SortKey,
}

/// The author card in a list.
#[derive(Serialize)]
pub struct Author {
    pub id: i64,
    pub display_name: String,
    pub avatar_emoji: String,
}

/// `{average, count}`.
#[derive(Serialize)]
pub struct Rating {
    pub average: Option<f64>,
    pub count: i64,
}

/// A sort key in a cursor. Reals travel as their exact bits: a decimal float read back from
/// JSON can be one unit off, which would repeat or skip a row at the page edge.
#[derive(Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
enum SortKey {
    Int(i64),
    Text(String),
    Real { r: u64 },
}

#[derive(Serialize, Deserialize)]
struct Cursor {
    /// Sort the cursor was made for.
    s: String,
    /// Search it was made for (a cursor cannot be reused for another query).
    q: Option<String>,
    k: SortKey,
    i: i64,
}

fn sort_sql(sort: Sort) -> (&'static str, &'static str, &'static str) {
    // (key column, ORDER BY, keyset comparison)
    match sort {
        Sort::New => (
            "s.published_at",
            "s.published_at DESC, s.id DESC",
            "(s.published_at, s.id) < (?, ?)",
        ),
        Sort::Popular => (
            "s.likes_recent",
            "s.likes_recent DESC, s.id DESC",
            "(s.likes_recent, s.id) < (?, ?)",
        ),
        Sort::Top => (
            "s.rating_score",
            "s.rating_score DESC, s.id DESC",
            "(s.rating_score, s.id) < (?, ?)",
        ),
        Sort::Views => (
            "s.view_count",
            "s.view_count DESC, s.id DESC",
            "(s.view_count, s.id) < (?, ?)",
        ),
        Sort::Title => (
            "s.title_key",
            "s.title_key ASC, s.id ASC",
            "(s.title_key, s.id) > (?, ?)",
        ),
        // Handled by `relevance`; never reaches a column sort.
        Sort::Relevance => ("s.id", "s.id DESC", "s.id < ? AND ? IS NOT NULL"),
    }
}

fn bool_param(cx: &Ctx<'_>, name: &str) -> Result<Option<bool>> {
    match cx.req.query(name).as_deref() {
        None | Some("") => Ok(None),
        Some("true") => Ok(Some(true)),
        Some("false") => Ok(Some(false)),
        Some(_) => Err(Error::bad_request(
            "invalid_query",
            format!("{name} must be true or false."),
        )),
    }
}

/// `GET /api/stories?q=&genre=&language=&author=&collaborative=&sort=&limit=&cursor=`.
pub async fn list(cx: &mut Ctx<'_>) -> Result<Response> {
    let limit = pagination::limit(&cx.req)?;
    let q = cx
        .req
        .query("q")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    if q.as_ref().is_some_and(|s| s.chars().count() > 100) {
        return Err(Error::bad_request(
            "invalid_query",
            "A search can be at most 100 characters.",
        ));
    }
    let fts = q.as_deref().and_then(fts_query);
    let sort = match cx.req.query("sort").as_deref() {
        None | Some("") => {
            if fts.is_some() {
                Sort::Relevance
            } else {
                Sort::New
            }
        }
        Some(s) => Sort::parse(s).ok_or_else(|| {
            Error::bad_request(
                "invalid_sort",
                "sort must be new, popular, top, views, title or relevance.",
            )
        })?,
    };
    if sort == Sort::Relevance && fts.is_none() {
        return Err(Error::bad_request(
            "invalid_sort",
            "Sorting by relevance needs a search (q).",
        ));
    }
    let genre = match cx.req.query("genre").filter(|g| !g.is_empty()) {
        None => None,
        Some(g) => Some(genre_bit(&g).ok_or_else(|| {
            Error::bad_request("invalid_genre", "That is not one of the genres.")
        })?),
    };
    let language = match cx.req.query("language").filter(|l| !l.is_empty()) {
        None => None,
        Some(l) if l == "en" || l == "tl" => Some(l),
        Some(_) => {
            return Err(Error::bad_request(
                "invalid_language",
                "language must be en or tl.",
            ));
        }
    };
    let author = match cx.req.query("author").filter(|a| !a.is_empty()) {
        None => None,
        Some(a) => Some(
            crate::http::router::parse_id(&a)
                .ok_or_else(|| Error::bad_request("invalid_author", "author must be a user id."))?,
        ),
    };
    let collaborative = bool_param(cx, "collaborative")?;
    let class = match cx.req.query("class").filter(|a| !a.is_empty()) {
        None => None,
        Some(a) => Some(class_filter(cx, &a).await?),
    };
    let cursor: Option<Cursor> = pagination::cursor(&cx.req)?;
    if let Some(c) = &cursor
        && (c.s != sort.as_str() || c.q != q)
    {
        return Err(Error::bad_request(
            "invalid_cursor",
            "That page marker belongs to another search. Start again from the first page.",
        ));
    }

    let filters = Filters {
        genre,
        language,
        author,
        collaborative,
        class,
    };
    let after = cursor.as_ref().map(|c| (c.k.clone(), c.i));
    let asked = q.clone();
    let (rows, searched_for) = cx
        .app
        .db
        .read(move |c| {
            let run = |fts: Option<&str>, after: Option<(SortKey, i64)>, limit: usize| match (
                fts, sort,
            ) {
                (Some(f), Sort::Relevance) => relevance(c, f, &filters, after, limit),
                _ => sorted(c, fts, sort, &filters, after, limit),
            };
            let rows = run(fts.as_deref(), after.clone(), limit)?;
            let Some(asked) = asked.filter(|_| rows.is_empty()) else {
                return Ok((rows, None));
            };
            // Nothing found: maybe a slip of one letter ("dragn"). A later page that is empty
            // only because the results ran out is not one.
            if after.is_some() && !run(fts.as_deref(), None, 1)?.is_empty() {
                return Ok((rows, None));
            }
            let Some(fixed) = crate::store::search::corrected(c, &asked)? else {
                return Ok((rows, None));
            };
            let found = run(fts_query(&fixed).as_deref(), after, limit)?;
            // The word meant is told only when it found something.
            let said = (!found.is_empty()).then_some(fixed);
            Ok((found, said))
        })
        .await?;
    let sort_name = sort.as_str().to_string();
    let list = pagination::page(rows, limit, |it: &Item| Cursor {
        s: sort_name.clone(),
        q: q.clone(),
        k: it.key.clone(),
        i: it.id,
    });
    match searched_for {
        None => Ok(json_response(StatusCode::OK, &list)),
        Some(words) => {
            let mut body =
                serde_json::to_value(&list).map_err(|e| Error::Internal(e.to_string()))?;
            body["searched_for"] = serde_json::Value::String(words);
            Ok(json_response(StatusCode::OK, &body))
        }
    }
}

/// `?class=`: the class library, for the class's teacher and children only (a class's members
/// are not anyone else's business).
async fn class_filter(cx: &Ctx<'_>, raw: &str) -> Result<i64> {
    let class = crate::http::router::parse_id(raw)
        .ok_or_else(|| Error::bad_request("invalid_class", "class must be a class id."))?;
    let Some(me) = cx.user.as_ref().map(|u| u.id) else {
        return Err(Error::unauthorized("missing_token", "Please log in first."));
    };
    let inside = cx
        .app
        .db
        .read(move |c| {
            let approved = crate::store::reach::person(c, me)?.is_some_and(|p| p.approved);
            Ok(approved
                && (crate::store::classes::teaches(c, me, class)?
                    || crate::store::classroom::membership(c, class, me)?.is_some()))
        })
        .await?;
    if inside {
        Ok(class)
    } else {
        Err(Error::not_found(
            "not_found",
            "That class does not exist or is not yours.",
        ))
    }
}

/// Optional filters, applied in SQL.
struct Filters {
    genre: Option<i64>,
    language: Option<String>,
    author: Option<i64>,
    collaborative: Option<bool>,
    class: Option<i64>,
}

impl Filters {
    fn push(&self, sql: &mut String, params: &mut Vec<SqlValue>) {
        if let Some(bit) = self.genre {
            sql.push_str(" AND s.genre_mask & ? != 0");
            params.push(SqlValue::Integer(bit));
        }
        if let Some(l) = &self.language {
            sql.push_str(" AND s.language = ?");
            params.push(SqlValue::Text(l.clone()));
        }
        if let Some(a) = self.author {
            sql.push_str(" AND s.author_id = ?");
            params.push(SqlValue::Integer(a));
        }
        if let Some(class) = self.class {
            sql.push_str(
                " AND s.author_id IN (SELECT user_id FROM class_members WHERE class_id = ?)",
            );
            params.push(SqlValue::Integer(class));
        }
        if let Some(c) = self.collaborative {
            sql.push_str(" AND s.collaborative = ?");
            params.push(SqlValue::Integer(i64::from(c)));
        }
    }
}

const COLUMNS: &str = "s.id, s.title, s.summary, s.genres, s.language, s.cover_media_id, s.page_count, s.like_count,
                       s.comment_count, s.view_count, s.rating_count, s.rating_sum, s.collaborative, s.published_at,
                       s.author_id, p.display_name, p.avatar_emoji, s.updated_at";

fn sql_value(k: &SortKey) -> SqlValue {
    match k {
        SortKey::Int(i) => SqlValue::Integer(*i),
        SortKey::Real { r } => SqlValue::Real(f64::from_bits(*r)),
        SortKey::Text(t) => SqlValue::Text(t.clone()),
    }
}

/// Runs one library query; the 19th column is the sort key.
fn run(c: &rusqlite::Connection, sql: &str, params: &[SqlValue]) -> rusqlite::Result<Vec<Item>> {
    let mut stmt = c.prepare_cached(sql)?;
    let refs: Vec<&dyn ToSql> = params.iter().map(|p| p as &dyn ToSql).collect();
    let rows = stmt.query_map(refs.as_slice(), item_row)?;
    rows.collect()
}

/// The library in one of the column sorts (with an optional search narrowing it).
fn sorted(
    c: &rusqlite::Connection,
    fts: Option<&str>,
    sort: Sort,
    filters: &Filters,
    after: Option<(SortKey, i64)>,
    limit: usize,
) -> Result<Vec<Item>> {
    let (key_col, order, keyset) = sort_sql(sort);
    let mut params: Vec<SqlValue> = Vec::new();
    let mut sql = format!("SELECT {COLUMNS}, {key_col} FROM ");
    if let Some(f) = fts {
        sql.push_str("story_fts f JOIN stories s ON s.id = f.rowid ");
        params.push(SqlValue::Text(f.to_string()));
    } else {
        sql.push_str("stories s ");
    }
    sql.push_str(
        "JOIN profiles p ON p.user_id = s.author_id WHERE s.status = 'published' AND s.hidden = 0",
    );
    if fts.is_some() {
        sql.push_str(" AND f.story_fts MATCH ?");
    }
    filters.push(&mut sql, &mut params);
    if let Some((k, id)) = &after {
        sql.push_str(" AND ");
        sql.push_str(keyset);
        params.push(sql_value(k));
        params.push(SqlValue::Integer(*id));
    }
    // The limit is written into the SQL, not bound: SQLite's planner reads a bound LIMIT, and
    // re-binding such a parameter forces the cached statement to be re-prepared every time.
    // It is a number we checked (1..=100), never text from the client.
    sql.push_str(&format!(" ORDER BY {order} LIMIT {}", limit + 1));
    Ok(run(c, &sql, &params)?)
}

/// Search results by relevance: stories whose title matches first, then the rest; newest first
/// within each group. Both groups walk the search index in id order and stop at the page size,
/// so a broad search costs the same as a narrow one (bm25 over every match costs ~10x more).
fn relevance(
    c: &rusqlite::Connection,
    fts: &str,
    filters: &Filters,
    after: Option<(SortKey, i64)>,
    limit: usize,
) -> Result<Vec<Item>> {
    let (first_group, after_id) = match after {
        Some((SortKey::Int(g @ 0..=1), id)) => (g, id),
        Some(_) => {
            return Err(Error::bad_request(
                "invalid_cursor",
                "That page marker is not valid.",
            ));
        }
        None => (0, i64::MAX),
    };
    let mut rows = Vec::new();
    for group in first_group..2 {
        let expr = if group == 0 {
            format!("{{title}} : ({fts})")
        } else {
            format!("({fts}) NOT ({{title}} : ({fts}))")
        };
        let mut params = vec![SqlValue::Text(expr)];
        let mut sql = format!(
            "SELECT {COLUMNS}, {group} FROM story_fts f JOIN stories s ON s.id = f.rowid
             JOIN profiles p ON p.user_id = s.author_id
             WHERE f.story_fts MATCH ? AND s.status = 'published' AND s.hidden = 0"
        );
        if group == first_group && after_id != i64::MAX {
            sql.push_str(" AND f.rowid < ?");
            params.push(SqlValue::Integer(after_id));
        }
        filters.push(&mut sql, &mut params);
        sql.push_str(&format!(
            " ORDER BY f.rowid DESC LIMIT {}",
            limit + 1 - rows.len()
        ));
        rows.extend(run(c, &sql, &params)?);
        if rows.len() > limit {
            break;
        }
    }
    Ok(rows)
}

fn item_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Item> {
    let genres: String = r.get(3)?;
    let cover: Option<String> = r.get(5)?;
    let (rc, rs): (i64, i64) = (r.get(10)?, r.get(11)?);
    let key = match r.get_ref(18)? {
        rusqlite::types::ValueRef::Integer(i) => SortKey::Int(i),
        rusqlite::types::ValueRef::Real(f) => SortKey::Real { r: f.to_bits() },
        rusqlite::types::ValueRef::Text(t) => {
            SortKey::Text(String::from_utf8_lossy(t).into_owned())
        }
        _ => SortKey::Int(0),
    };
    Ok(Item {
        id: r.get(0)?,
        title: r.get(1)?,
        summary: r.get(2)?,
        genres: serde_json::value::RawValue::from_string(genres).unwrap_or_else(|_| empty_list()),
        language: r.get(4)?,
        cover_url: Some(crate::domain::cover::url(
            r.get(0)?,
            cover.as_deref(),
            r.get(17)?,
        )),
        page_count: r.get(6)?,
        like_count: r.get(7)?,
        comment_count: r.get(8)?,
        view_count: r.get(9)?,
        rating: Rating {
            average: (rc > 0).then(|| ((rs as f64 / rc as f64) * 10.0).round() / 10.0),
            count: rc,
        },
        collaborative: r.get::<_, i64>(12)? != 0,
        published_at: crate::time::rfc3339(r.get::<_, Option<i64>>(13)?.unwrap_or(0)),
        author: Author {
            id: r.get(14)?,
            display_name: r.get(15)?,
            avatar_emoji: r.get(16)?,
        },
        key,
    })
}

fn empty_list() -> Box<serde_json::value::RawValue> {
    serde_json::value::to_raw_value(&[0u8; 0])
        .unwrap_or_else(|_| unreachable!("an empty list serialises"))
}
