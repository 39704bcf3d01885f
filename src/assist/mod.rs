//! Creation helpers that reach outside the process: the optional model server for the story
//! starter (`llm`) and the tesseract command for photo stories (`ocr`). Both are optional; the
//! built-in story engine lives in `domain::starter`.

pub mod llm;
pub mod ocr;

use crate::config::Config;

/// The helpers, built once from config.
pub struct Assist {
    /// The model server, when configured.
    pub llm: Option<llm::Llm>,
    /// The OCR command.
    pub ocr: ocr::Ocr,
}

impl Assist {
    /// Builds the helpers; fails only on a configured key file that cannot be read.
    pub fn from_config(c: &Config) -> Result<Assist, String> {
        Ok(Assist {
            llm: llm::Llm::from_config(c)?,
            ocr: ocr::Ocr::new(&c.tesseract, c.ocr_timeout_secs),
        })
    }
}
