// The article's own text in a news page: the container that holds its
// paragraphs, found by scoring, without the furniture around it.
//
//   <nav>Home | World</nav>
//   <article><h1>Rates held</h1><p>The central bank held rates on Tuesday, ...</p>
//     <div class="share">Share</div></article>
//   <aside class="related"><a>Other news</a></aside>
//     -> ["Rates held", "The central bank held rates on Tuesday, ..."]
//
// How: elements that are never article text are set aside first (scripts,
// styles, forms' controls, navigation, asides, footers, hidden elements, and
// elements whose class or id names furniture: page_classes.tsv, unless they
// hold half the page's text).  Then each
// paragraph of 25 letters or more scores its ancestors by its length and
// commas, less for each level up; an ancestor's score counts the words of
// its class and id and falls with the share of its text inside links.  The
// best ancestor, with the siblings that score near it, is the article; its
// blocks (headings, paragraphs, list items, table rows, captions) are the
// text, each block mostly made of links left out.  When that gives under 500
// letters, the page is read again with only the class words that always
// mean furniture (comments, share bars, cookie notices), and the longer
// reading kept.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

namespace vnie {

// The article's blocks in page order, each with its white space collapsed.
std::vector<std::string> MainContentBlocks(xmlDoc* doc);

}  // namespace vnie
