//! Creation helpers that reach outside the process: the optional model server for the story
//! starter (`llm`) and the tesseract command for photo stories (`ocr`). Both are optional; the
//! built-in story engine lives in `domain::starter`.

pub mod llm;
pub mod ocr;

use std::path::PathBuf;

/// What the helpers are built from (the `--llm-*`, `--tesseract` and `--ocr-*` flags).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The model server's chat-completions URL, if any.
    pub llm_url: Option<String>,
    /// A file holding its API key.
    pub llm_key_file: Option<PathBuf>,
    /// The model to ask for.
    pub llm_model: String,
    /// How long one answer may take.
    pub llm_timeout_secs: u64,
    /// The tesseract command.
    pub tesseract: String,
    /// How long one OCR run may take.
    pub ocr_timeout_secs: u64,
}

/// The helpers, built once at start.
pub struct Assist {
    /// The model server, when configured.
    pub llm: Option<llm::Llm>,
    /// The OCR command.
    pub ocr: ocr::Ocr,
}

impl Assist {
    /// Builds the helpers; fails only on a configured key file that cannot be read.
    pub fn new(c: &Settings) -> Result<Assist, String> {
        Ok(Assist {
            llm: llm::Llm::new(c)?,
            ocr: ocr::Ocr::new(&c.tesseract, c.ocr_timeout_secs),
        })
    }
}
