//! Photo stories: the `tesseract` command turns a photographed page into text. It runs one at a
//! time (it takes a few hundred MiB on big photos), with a time limit, fed through stdin so no
//! file is written, and only when it is installed.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::process::Command;
use tokio::sync::Semaphore;

/// Longest text returned (a page's text box holds this much).
pub const TEXT_MAX: usize = 5000;

/// Why OCR gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OcrError {
    /// tesseract is not installed (or not runnable).
    Unavailable,
    /// It ran past the time limit and was stopped.
    TimedOut,
    /// It failed on this image.
    Failed(String),
}

/// The OCR command.
pub struct Ocr {
    command: String,
    timeout: Duration,
    gate: Semaphore,
}

impl Ocr {
    /// OCR through `command`, each run limited to `timeout_secs`.
    pub fn new(command: &str, timeout_secs: u64) -> Ocr {
        Ocr {
            command: command.to_string(),
            timeout: Duration::from_secs(timeout_secs),
            gate: Semaphore::new(1),
        }
    }

    /// The installed languages (tesseract codes), or `None` when tesseract cannot run.
    pub async fn languages(&self) -> Option<Vec<String>> {
        let run = Command::new(&self.command)
            .arg("--list-langs")
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .output();
        let out = tokio::time::timeout(Duration::from_secs(5), run)
            .await
            .ok()?
            .ok()?;
        if !out.status.success() {
            return None;
        }
        // The first line is a heading ("List of available languages in ...").
        let langs: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .skip(1)
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty() && l != "osd")
            .collect();
        (!langs.is_empty()).then_some(langs)
    }

    /// Reads the text in `image` (PNG, JPEG or WebP bytes); `language` "en" or "tl" picks the
    /// models, English always joining in (children mix them).
    pub async fn read(&self, image: Vec<u8>, language: &str) -> Result<String, OcrError> {
        let installed = self.languages().await.ok_or(OcrError::Unavailable)?;
        let has = |l: &str| installed.iter().any(|x| x == l);
        let mut models: Vec<&str> = Vec::new();
        if language == "tl" {
            models.extend(["fil", "tgl"].into_iter().filter(|l| has(l)));
        }
        if has("eng") {
            models.push("eng");
        }
        if models.is_empty() {
            return Err(OcrError::Unavailable);
        }
        let _turn = self
            .gate
            .acquire()
            .await
            .map_err(|_| OcrError::Failed("shutting down".into()))?;
        let mut child = Command::new(&self.command)
            .args(["stdin", "stdout", "-l", &models.join("+")])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|_| OcrError::Unavailable)?;
        let mut stdin = child.stdin.take().ok_or(OcrError::Unavailable)?;
        let mut stdout = child.stdout.take().ok_or(OcrError::Unavailable)?;
        let work = async move {
            let feed = async move {
                // A broken pipe just means tesseract stopped reading; its exit status tells.
                let _ = stdin.write_all(&image).await;
                drop(stdin);
            };
            let mut text = Vec::new();
            let read = stdout.read_to_end(&mut text);
            let (_, read) = tokio::join!(feed, read);
            read.map_err(|e| OcrError::Failed(e.to_string()))?;
            let status = child
                .wait()
                .await
                .map_err(|e| OcrError::Failed(e.to_string()))?;
            if !status.success() {
                return Err(OcrError::Failed(format!("tesseract exited with {status}")));
            }
            Ok(text)
        };
        let text = tokio::time::timeout(self.timeout, work)
            .await
            .map_err(|_| OcrError::TimedOut)??;
        Ok(tidy(&String::from_utf8_lossy(&text)))
    }
}

/// Joins the lines of a paragraph, keeps blank lines between paragraphs, caps the length.
pub fn tidy(raw: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in raw.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    let text: String = paragraphs.join("\n\n").replace('\u{c}', "");
    text.chars().take(TEXT_MAX).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_tidied_into_paragraphs() {
        assert_eq!(
            tidy("Once upon\n a time\n\n\nThe end.\n\u{c}"),
            "Once upon a time\n\nThe end."
        );
        assert_eq!(tidy(&"a".repeat(9000)).len(), TEXT_MAX);
    }

    #[tokio::test]
    async fn a_missing_command_is_unavailable_not_an_error() {
        let ocr = Ocr::new("/nonexistent/tesseract", 5);
        assert_eq!(ocr.languages().await, None);
        assert_eq!(
            ocr.read(vec![1, 2, 3], "en").await,
            Err(OcrError::Unavailable)
        );
    }
}
