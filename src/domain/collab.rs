//! The shared document of a live drawing session and the operations that change it. Pure: the
//! room actor applies ops here, and a restart rebuilds the same document by replaying the log.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::drawing::{self, Item};

/// Most pages in a session.
pub const MAX_PAGES: usize = 30;
/// Longest page text, in characters.
pub const MAX_PAGE_TEXT: usize = 5000;
/// Longest title, in characters.
pub const MAX_TITLE: usize = 80;
/// Most drawn items on one page (undo keeps hidden ones).
pub const MAX_ITEMS_PER_PAGE: usize = drawing::MAX_ITEMS;
/// Most bytes of drawn items on one page, so a page always fits a published drawing.
pub const MAX_PAGE_BYTES: usize = drawing::MAX_BYTES - 4096;

/// A durable operation, as clients send it (`page_add` gains `page_id` and `index` on the
/// server before it is applied and stored).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Op {
    /// A finished drawn item.
    Draw {
        /// The page.
        page_id: String,
        /// What was drawn.
        item: Item,
    },
    /// Hide one of your own drawn items.
    Undo {
        /// The seq of the draw op.
        target: u64,
    },
    /// Show it again.
    Redo {
        /// The seq of the draw op.
        target: u64,
    },
    /// Empty a page's drawing.
    Clear {
        /// The page.
        page_id: String,
    },
    /// Add a page after `after` (or at the end).
    PageAdd {
        /// The page to insert after.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<String>,
        /// Chosen by the server.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        page_id: Option<String>,
        /// Where it went, filled by the server.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
    },
    /// Remove a page.
    PageDelete {
        /// The page.
        page_id: String,
    },
    /// Move a page to `index`.
    PageMove {
        /// The page.
        page_id: String,
        /// Its new position (clamped to the last).
        index: usize,
    },
    /// Replace a page's text.
    PageText {
        /// The page.
        page_id: String,
        /// The whole text.
        text: String,
    },
    /// Rename the story.
    Title {
        /// The new title.
        text: String,
    },
}

impl Op {
    /// Ops whose result everyone (the sender too) must see as the server decided it.
    pub fn echo_to_sender(&self) -> bool {
        matches!(
            self,
            Op::Clear { .. } | Op::PageAdd { .. } | Op::PageDelete { .. } | Op::PageMove { .. }
        )
    }
}

/// Why an op was refused; `code` goes into the error frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpError {
    /// Error code.
    pub code: &'static str,
    /// Words for the child.
    pub message: String,
}

fn err(code: &'static str, message: impl Into<String>) -> OpError {
    OpError {
        code,
        message: message.into(),
    }
}

/// One drawn item on a page.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Placed {
    /// The draw op's seq.
    pub seq: u64,
    /// Who drew it.
    pub user_id: i64,
    /// What.
    pub item: Item,
    /// Undone.
    pub hidden: bool,
}

/// One page.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Page {
    /// Stable id.
    pub id: String,
    /// The page text.
    pub text: String,
    /// Drawn items in order.
    pub items: Vec<Placed>,
    /// JSON bytes of the items, kept under [`MAX_PAGE_BYTES`].
    #[serde(skip)]
    pub bytes: usize,
}

/// The whole shared document.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Doc {
    /// The story title.
    pub title: String,
    /// Pages in order.
    pub pages: Vec<Page>,
}

/// Parses an op from a client frame and checks its shape and content.
pub fn parse(raw: &str) -> Result<Op, OpError> {
    let mut op: Op = serde_json::from_str(raw).map_err(|e| {
        let text = e.to_string();
        err(
            "invalid_op",
            format!(
                "This change is not in the right shape: {}",
                text.split(" at line ").next().unwrap_or(&text)
            ),
        )
    })?;
    match &op {
        Op::Draw { item, .. } => {
            drawing::check_item(item).map_err(|e| err("invalid_op", e.message))?;
        }
        Op::PageText { text, .. } if text.chars().count() > MAX_PAGE_TEXT => {
            return Err(err(
                "invalid_op",
                format!("A page holds at most {MAX_PAGE_TEXT} characters."),
            ));
        }
        Op::Title { text } if text.trim().chars().count() > MAX_TITLE => {
            return Err(err(
                "invalid_op",
                format!("A title has at most {MAX_TITLE} characters."),
            ));
        }
        Op::PageText { text, .. } if crate::domain::text::has_unshowable(text, true) => {
            return Err(err(
                "invalid_op",
                "The text has characters that cannot be shown.",
            ));
        }
        Op::Title { text } if crate::domain::text::has_unshowable(text, false) => {
            return Err(err(
                "invalid_op",
                "The title has characters that cannot be shown.",
            ));
        }
        _ => {}
    }
    if let Op::Title { text } = &mut op {
        *text = text.trim().to_string();
    }
    Ok(op)
}

fn item_bytes(item: &Item) -> usize {
    serde_json::to_string(item).map_or(usize::MAX / 2, |s| s.len() + 1)
}

impl Doc {
    fn page_index(&self, id: &str) -> Result<usize, OpError> {
        self.pages
            .iter()
            .position(|p| p.id == id)
            .ok_or_else(|| err("page_not_found", "That page is not in this story any more."))
    }

    fn placed_mut(&mut self, seq: u64) -> Option<&mut Placed> {
        self.pages
            .iter_mut()
            .flat_map(|p| p.items.iter_mut())
            .find(|i| i.seq == seq)
    }

    /// Checks that `op` by `user` can apply; `viewed_by_other` says whether another member is
    /// looking at a page. Call before assigning a seq.
    pub fn check(
        &self,
        user: i64,
        op: &Op,
        viewed_by_other: impl Fn(&str) -> bool,
    ) -> Result<(), OpError> {
        match op {
            Op::Draw { page_id, item } => {
                let i = self.page_index(page_id)?;
                if self.pages[i].items.len() >= MAX_ITEMS_PER_PAGE
                    || self.pages[i].bytes + item_bytes(item) > MAX_PAGE_BYTES
                {
                    return Err(err("page_full", "This page is full. Try a new page!"));
                }
            }
            Op::Undo { target } | Op::Redo { target } => {
                let found = self
                    .pages
                    .iter()
                    .flat_map(|p| p.items.iter())
                    .find(|i| i.seq == *target);
                match found {
                    Some(p) if p.user_id == user => {}
                    Some(_) => {
                        return Err(err("not_your_op", "You can only undo your own drawing."));
                    }
                    None => {
                        return Err(err(
                            "not_your_op",
                            "There is nothing of yours with that number to undo.",
                        ));
                    }
                }
            }
            Op::Clear { page_id } | Op::PageText { page_id, .. } => {
                self.page_index(page_id)?;
            }
            Op::PageAdd { after, .. } => {
                if self.pages.len() >= MAX_PAGES {
                    return Err(err(
                        "too_many_pages",
                        format!("A story can have at most {MAX_PAGES} pages."),
                    ));
                }
                if let Some(a) = after {
                    self.page_index(a)?;
                }
            }
            Op::PageDelete { page_id } => {
                self.page_index(page_id)?;
                if self.pages.len() == 1 {
                    return Err(err("last_page", "A story needs at least one page."));
                }
                if viewed_by_other(page_id) {
                    return Err(err(
                        "page_in_use",
                        "Someone is looking at that page right now.",
                    ));
                }
            }
            Op::PageMove { page_id, .. } => {
                self.page_index(page_id)?;
            }
            Op::Title { .. } => {}
        }
        Ok(())
    }

    /// The words an op carries (page text, title, text boxes), which the text rule checks before
    /// the op is applied.
    pub fn text_of(op: &Op) -> Option<&str> {
        match op {
            Op::PageText { text, .. } | Op::Title { text } => Some(text),
            Op::Draw {
                item: Item::Text { text, .. },
                ..
            } => Some(text),
            _ => None,
        }
    }

    /// Applies a checked op (or one replayed from the log, which was checked when it was
    /// made). Fills `page_add`'s index. Never panics on a stale op: it is skipped.
    pub fn apply(&mut self, seq: u64, user: i64, op: &mut Op) {
        match op {
            Op::Draw { page_id, item } => {
                if let Ok(i) = self.page_index(page_id) {
                    self.pages[i].bytes += item_bytes(item);
                    self.pages[i].items.push(Placed {
                        seq,
                        user_id: user,
                        item: item.clone(),
                        hidden: false,
                    });
                }
            }
            Op::Undo { target } => {
                if let Some(p) = self.placed_mut(*target) {
                    p.hidden = true;
                }
            }
            Op::Redo { target } => {
                if let Some(p) = self.placed_mut(*target) {
                    p.hidden = false;
                }
            }
            Op::Clear { page_id } => {
                if let Ok(i) = self.page_index(page_id) {
                    self.pages[i].items.clear();
                    self.pages[i].bytes = 0;
                }
            }
            Op::PageAdd {
                after,
                page_id,
                index,
            } => {
                let id = page_id.clone().unwrap_or_else(|| format!("p{seq}"));
                let at = after
                    .as_deref()
                    .and_then(|a| self.page_index(a).ok())
                    .map_or(self.pages.len(), |i| i + 1);
                self.pages.insert(
                    at,
                    Page {
                        id: id.clone(),
                        text: String::new(),
                        items: Vec::new(),
                        bytes: 0,
                    },
                );
                *page_id = Some(id);
                *index = Some(at);
            }
            Op::PageDelete { page_id } => {
                if let Ok(i) = self.page_index(page_id)
                    && self.pages.len() > 1
                {
                    self.pages.remove(i);
                }
            }
            Op::PageMove { page_id, index } => {
                if let Ok(i) = self.page_index(page_id) {
                    let page = self.pages.remove(i);
                    let to = (*index).min(self.pages.len());
                    self.pages.insert(to, page);
                    *index = to;
                }
            }
            Op::PageText { page_id, text } => {
                if let Ok(i) = self.page_index(page_id) {
                    self.pages[i].text = text.clone();
                }
            }
            Op::Title { text } => self.title = text.trim().to_string(),
        }
    }

    /// The document as `collab.state` sends it.
    pub fn to_json(&self) -> Value {
        json!({ "title": self.title, "pages": self.pages })
    }

    /// The drawing of a page for publishing: the visible items, in order.
    pub fn page_drawing(&self, page: &Page) -> drawing::Drawing {
        drawing::Drawing {
            v: 1,
            width: 1024,
            height: 768,
            background: None,
            background_media: None,
            items: page
                .items
                .iter()
                .filter(|p| !p.hidden)
                .map(|p| p.item.clone())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stroke() -> &'static str {
        r##"{"kind":"draw","page_id":"a","item":{"type":"stroke","tool":"pen","color":"#112233","width":4,"points":[1,2,3,4]}}"##
    }

    fn doc() -> Doc {
        let mut d = Doc::default();
        d.apply(
            1,
            1,
            &mut Op::PageAdd {
                after: None,
                page_id: Some("a".into()),
                index: None,
            },
        );
        d
    }

    #[test]
    fn draw_undo_redo_clear() {
        let mut d = doc();
        let mut op = parse(stroke()).expect("valid");
        d.check(1, &op, |_| false).expect("ok");
        d.apply(2, 1, &mut op);
        assert_eq!(d.pages[0].items.len(), 1);
        assert_eq!(
            d.check(2, &Op::Undo { target: 2 }, |_| false)
                .map_err(|e| e.code),
            Err("not_your_op")
        );
        d.apply(3, 1, &mut Op::Undo { target: 2 });
        assert!(d.pages[0].items[0].hidden);
        d.apply(4, 1, &mut Op::Redo { target: 2 });
        assert!(!d.pages[0].items[0].hidden);
        d.apply(
            5,
            2,
            &mut Op::Clear {
                page_id: "a".into(),
            },
        );
        assert!(d.pages[0].items.is_empty());
    }

    #[test]
    fn pages_keep_their_ids_through_moves_and_deletes() {
        let mut d = doc();
        let mut add = Op::PageAdd {
            after: Some("a".into()),
            page_id: Some("b".into()),
            index: None,
        };
        d.apply(2, 1, &mut add);
        assert_eq!(
            add,
            Op::PageAdd {
                after: Some("a".into()),
                page_id: Some("b".into()),
                index: Some(1)
            }
        );
        d.apply(
            3,
            1,
            &mut Op::PageText {
                page_id: "b".into(),
                text: "two".into(),
            },
        );
        d.apply(
            4,
            1,
            &mut Op::PageMove {
                page_id: "b".into(),
                index: 0,
            },
        );
        d.apply(
            5,
            1,
            &mut Op::PageText {
                page_id: "a".into(),
                text: "one".into(),
            },
        );
        assert_eq!(d.pages[0].text, "two");
        assert_eq!(d.pages[1].text, "one");
        assert_eq!(
            d.check(
                1,
                &Op::PageDelete {
                    page_id: "a".into()
                },
                |p| p == "a"
            )
            .map_err(|e| e.code),
            Err("page_in_use")
        );
        d.apply(
            6,
            1,
            &mut Op::PageDelete {
                page_id: "a".into(),
            },
        );
        assert_eq!(
            d.check(
                1,
                &Op::PageDelete {
                    page_id: "b".into()
                },
                |_| false
            )
            .map_err(|e| e.code),
            Err("last_page")
        );
        assert_eq!(
            d.check(
                1,
                &Op::PageText {
                    page_id: "a".into(),
                    text: String::new()
                },
                |_| false
            )
            .map_err(|e| e.code),
            Err("page_not_found")
        );
    }

    #[test]
    fn a_page_never_outgrows_a_publishable_drawing() {
        let mut d = doc();
        let points: Vec<String> = (0..4000).map(|i| format!("{}.25", i % 900)).collect();
        let raw = format!(
            r##"{{"kind":"draw","page_id":"a","item":{{"type":"stroke","tool":"pen","color":"#112233","width":4,"points":[{}]}}}}"##,
            points.join(",")
        );
        let mut seq = 1;
        loop {
            let mut op = parse(&raw).expect("valid stroke");
            match d.check(1, &op, |_| false) {
                Ok(()) => {
                    seq += 1;
                    d.apply(seq, 1, &mut op);
                }
                Err(e) => {
                    assert_eq!(e.code, "page_full");
                    break;
                }
            }
            assert!(seq < 1000, "never full");
        }
        let json = d.page_drawing(&d.pages[0]).to_json().expect("publishable");
        assert!(json.len() <= drawing::MAX_BYTES, "{}", json.len());
        d.apply(
            seq + 1,
            1,
            &mut Op::Clear {
                page_id: "a".into(),
            },
        );
        assert!(d.check(1, &parse(&raw).expect("valid"), |_| false).is_ok());
    }

    #[test]
    fn bad_ops_are_refused_with_a_code() {
        assert_eq!(parse("{}").map_err(|e| e.code), Err("invalid_op"));
        assert_eq!(
            parse(r#"{"kind":"dance"}"#).map_err(|e| e.code),
            Err("invalid_op")
        );
        let red = stroke().replace("#112233", "red");
        assert_eq!(parse(&red).map_err(|e| e.code), Err("invalid_op"));
        let far = stroke().replace("[1,2,3,4]", "[1,2,3,1e308]");
        assert_eq!(parse(&far).map_err(|e| e.code), Err("invalid_op"));
        let long = format!(r#"{{"kind":"title","text":"{}"}}"#, "x".repeat(81));
        assert_eq!(parse(&long).map_err(|e| e.code), Err("invalid_op"));
        assert!(parse(r#"{"kind":"page_add"}"#).is_ok());
    }

    #[test]
    fn replay_gives_the_same_document() {
        let ops = [
            r#"{"kind":"page_add","page_id":"a","index":0}"#.to_string(),
            stroke().to_string(),
            r#"{"kind":"title","text":"Moon cats"}"#.to_string(),
            r#"{"kind":"page_add","after":"a","page_id":"b","index":1}"#.to_string(),
            r#"{"kind":"undo","target":2}"#.to_string(),
        ];
        let build = || {
            let mut d = Doc::default();
            for (i, raw) in ops.iter().enumerate() {
                let mut op: Op = serde_json::from_str(raw).expect("op");
                d.apply(i as u64 + 1, 1, &mut op);
            }
            d
        };
        assert_eq!(build(), build());
        assert_eq!(build().pages.len(), 2);
        assert!(build().pages[0].items[0].hidden);
        assert_eq!(build().title, "Moon cats");
    }
}
