// English: words for the reader screens.

export const words = {
  rdr_the_end: "The End",
  rdr_story_by: "A story by",
  rdr_read_again: "Read again",
  rdr_more_by: "More by {name}",
  rdr_more_story: "More choices",
  rdr_more_comment: "More for {name}'s comment",
  rdr_report_story: "Report this story",
  rdr_comments_help: "Use the up and down arrow keys to go from comment to comment.",
  rdr_print: "Print this book",
  rdr_print_wait: "Getting your book ready…",
  rdr_print_by: "A story by {name}",
  rdr_print_by_many: "A story by {name}",
  rdr_text_size: "Text size",
  rdr_size_s: "Small letters",
  rdr_size_m: "Medium letters",
  rdr_size_l: "Big letters",
};
