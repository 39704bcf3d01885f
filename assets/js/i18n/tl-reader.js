// Tagalog: words for the reader screens.

export const words = {
  rdr_the_end: "Wakas",
  rdr_story_by: "Kuwento ni",
  rdr_read_again: "Basahin ulit",
  rdr_more_by: "Iba pang kuwento ni {name}",
  rdr_more_story: "Iba pang pagpipilian",
  rdr_more_comment: "Iba pa para sa komento ni {name}",
  rdr_report_story: "I-report ang kuwentong ito",
  rdr_comments_help: "Pindutin ang arrow pataas o pababa para lumipat sa ibang komento.",
  rdr_print: "I-print ang aklat",
  rdr_print_wait: "Inihahanda ang aklat mo…",
  rdr_print_by: "Kuwento ni {name}",
  rdr_print_by_many: "Kuwento nina {name}",
  rdr_text_size: "Laki ng letra",
  rdr_size_s: "Maliit na letra",
  rdr_size_m: "Katamtamang letra",
  rdr_size_l: "Malaking letra",
};
