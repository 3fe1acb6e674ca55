// XML in the CCSDS NDM/XML layout:
//   <ndm><omm id="CCSDS_OMM_VERS" version="3.0">
//     <header>COMMENT*, CREATION_DATE, ORIGINATOR</header>
//     <body><segment><metadata>…</metadata>
//       <data>COMMENT*, <meanElements>…</meanElements>, <tleParameters>…</tleParameters></data>
//     </segment></body></omm>…</ndm>
// The reader is small and strict: elements, attributes, character and the five predefined
// entity references, comments, CDATA and processing instructions; no DTD (so no entity
// expansion), nesting limited.
#include <fmt/format.h>

#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <set>

#include "orbit/omm.hpp"
#include "orbit/omm_fields.hpp"
#include "orbit/try.hpp"

namespace jingkai::orbit {
namespace {

using omm_detail::Field;
using omm_detail::KeyPolicy;
using omm_detail::Location;
using omm_detail::Section;

constexpr int kMaxDepth = 16;

struct XmlAttribute {
  std::string name;
  std::string value;
  int line = 0;
  int column = 0;  // of the value's first character
};

struct XmlElement {
  std::string name;
  int line = 0;
  int column = 0;  // of the '<'
  std::vector<XmlAttribute> attributes;
  std::vector<XmlElement> children;
  std::string text;   // all character data, concatenated
  int text_line = 0;  // where its first non-blank character is; 0 when all blank
  int text_column = 0;

  const XmlAttribute* attribute(std::string_view attribute_name) const {
    for (const XmlAttribute& a : attributes) {
      if (a.name == attribute_name) return &a;
    }
    return nullptr;
  }
};

bool is_name_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':';
}

bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class XmlReader {
 public:
  explicit XmlReader(std::string_view text) : text_(text) {}

  std::expected<XmlElement, ParseError> read_document() {
    if (rest().starts_with("<?xml") && rest().size() > 5 && is_blank(rest()[5])) {
      ORBIT_TRY(skip_past("?>", "the XML declaration"));
    }
    ORBIT_TRY(skip_misc());
    if (at_ >= text_.size() || text_[at_] != '<') {
      return fail(fmt::format("expected the root element, found {}", found()));
    }
    auto root = read_element(0);
    if (!root) return root;
    ORBIT_TRY(skip_misc());
    if (at_ < text_.size())
      return fail(fmt::format("unexpected {} after the root element", found()));
    return root;
  }

 private:
  std::string_view rest() const { return text_.substr(at_); }
  int column() const { return static_cast<int>(at_ - line_start_) + 1; }

  std::unexpected<ParseError> fail(std::string message) const {
    return std::unexpected(ParseError{line_, column(), "omm_xml", std::move(message)});
  }

  std::string found() const {
    if (at_ >= text_.size()) return "the end of the text";
    const auto c = static_cast<unsigned char>(text_[at_]);
    if (c < 0x20 || c > 0x7e) return fmt::format("byte 0x{:02x}", c);
    return fmt::format("'{}'", text_[at_]);
  }

  // One character forward, counting lines; control characters other than blanks are not
  // XML characters.
  std::expected<void, ParseError> advance() {
    const auto c = static_cast<unsigned char>(text_[at_]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      return fail(fmt::format("{} is not allowed in XML", found()));
    }
    ++at_;
    if (c == '\n') {
      ++line_;
      line_start_ = at_;
    }
    return {};
  }

  std::expected<void, ParseError> skip_past(std::string_view end, std::string_view what) {
    while (!rest().starts_with(end)) {
      if (at_ >= text_.size()) return fail(fmt::format("the text ends inside {}", what));
      if (auto ok = advance(); !ok) return ok;
    }
    at_ += end.size();
    return {};
  }

  void skip_blanks() {
    while (at_ < text_.size() && is_blank(text_[at_])) (void)advance();
  }

  // Blanks, comments and processing instructions, as allowed around the root element.
  std::expected<void, ParseError> skip_misc() {
    while (true) {
      skip_blanks();
      if (rest().starts_with("<!--")) {
        at_ += 4;
        if (auto ok = skip_past("-->", "a comment"); !ok) return ok;
      } else if (rest().starts_with("<?")) {
        at_ += 2;
        if (auto ok = skip_past("?>", "a processing instruction"); !ok) return ok;
      } else if (rest().starts_with("<!")) {
        return fail("a DTD or declaration is not read (no entities beyond the predefined five)");
      } else {
        return {};
      }
    }
  }

  std::expected<std::string, ParseError> read_name() {
    if (at_ >= text_.size() || !is_name_start(text_[at_])) {
      return fail(fmt::format("expected a name, found {}", found()));
    }
    const std::size_t start = at_;
    while (at_ < text_.size() && is_name_char(text_[at_])) ++at_;
    return std::string(text_.substr(start, at_ - start));
  }

  // After the '&': one of the five predefined entities or a character reference.
  std::expected<void, ParseError> read_reference(std::string& out) {
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"quot;", '"'}, {"apos;", '\''}};
    for (const auto& [name, c] : kEntities) {
      if (rest().starts_with(name)) {
        at_ += name.size();
        out += c;
        return {};
      }
    }
    if (!rest().starts_with("#")) {
      return fail("expected &lt; &gt; &amp; &quot; &apos; or a character reference after '&'");
    }
    ++at_;
    const bool hex = rest().starts_with("x");
    if (hex) ++at_;
    std::uint32_t code = 0;
    int digits = 0;
    while (at_ < text_.size() && text_[at_] != ';') {
      const char c = text_[at_];
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0)
        return fail(fmt::format("expected a digit of a character reference, found {}", found()));
      code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
      if (code > 0x10FFFF) return fail("a character reference beyond U+10FFFF");
      ++digits;
      ++at_;
    }
    if (digits == 0 || at_ >= text_.size()) return fail("an unfinished character reference");
    ++at_;
    // Values are printable ASCII; anything else is refused with its position.
    if (code < 0x20 || code > 0x7e) {
      return fail(fmt::format("character U+{:04X} is not allowed in an OMM value", code));
    }
    out += static_cast<char>(code);
    return {};
  }

  std::expected<XmlElement, ParseError> read_element(int depth) {
    if (depth > kMaxDepth) return fail(fmt::format("nested deeper than {} levels", kMaxDepth));
    XmlElement element;
    element.line = line_;
    element.column = column();
    ++at_;  // '<'
    auto name = ORBIT_TRY(read_name());
    element.name = std::move(name);
    std::set<std::string> seen;
    while (true) {
      const std::size_t before = at_;
      skip_blanks();
      if (rest().starts_with("/>")) {
        at_ += 2;
        return element;
      }
      if (rest().starts_with(">")) {
        ++at_;
        break;
      }
      if (at_ == before) {
        return fail(
            fmt::format("expected a blank, '>' or '/>' in <{}>, found {}", element.name, found()));
      }
      auto attribute_name = ORBIT_TRY(read_name());
      if (!seen.insert(attribute_name).second) {
        return fail(fmt::format("attribute {} is given twice", attribute_name));
      }
      skip_blanks();
      if (!rest().starts_with("=")) return fail(fmt::format("expected '=', found {}", found()));
      ++at_;
      skip_blanks();
      if (at_ >= text_.size() || (text_[at_] != '"' && text_[at_] != '\'')) {
        return fail(fmt::format("expected a quoted attribute value, found {}", found()));
      }
      const char quote = text_[at_++];
      XmlAttribute attribute{attribute_name, {}, line_, column()};
      while (true) {
        if (at_ >= text_.size()) return fail("the text ends inside an attribute value");
        const char c = text_[at_];
        if (c == quote) break;
        if (c == '<') return fail("'<' inside an attribute value");
        if (c == '&') {
          ++at_;
          ORBIT_TRY(read_reference(attribute.value));
          continue;
        }
        ORBIT_TRY(advance());
        attribute.value += c;
      }
      ++at_;
      element.attributes.push_back(std::move(attribute));
    }
    // Content: character data, child elements, comments, CDATA, processing instructions.
    while (true) {
      if (at_ >= text_.size()) {
        return fail(fmt::format("the text ends inside <{}> (line {})", element.name, element.line));
      }
      if (rest().starts_with("</")) {
        at_ += 2;
        auto closing = ORBIT_TRY(read_name());
        if (closing != element.name) {
          return std::unexpected(ParseError{
              line_, column() - static_cast<int>(closing.size()), "omm_xml",
              fmt::format("</{}> closes <{}> (line {})", closing, element.name, element.line)});
        }
        skip_blanks();
        if (!rest().starts_with(">")) return fail(fmt::format("expected '>', found {}", found()));
        ++at_;
        return element;
      }
      if (rest().starts_with("<!--")) {
        at_ += 4;
        ORBIT_TRY(skip_past("-->", "a comment"));
        continue;
      }
      if (rest().starts_with("<![CDATA[")) {
        at_ += 9;
        while (!rest().starts_with("]]>")) {
          if (at_ >= text_.size()) return fail("the text ends inside CDATA");
          note_text_start(element);
          element.text += text_[at_];
          ORBIT_TRY(advance());
        }
        at_ += 3;
        continue;
      }
      if (rest().starts_with("<?")) {
        at_ += 2;
        ORBIT_TRY(skip_past("?>", "a processing instruction"));
        continue;
      }
      if (rest().starts_with("<!")) return fail("a declaration is not allowed inside an element");
      if (rest().starts_with("<")) {
        auto child = read_element(depth + 1);
        if (!child) return child;
        element.children.push_back(std::move(*child));
        continue;
      }
      note_text_start(element);
      if (text_[at_] == '&') {
        ++at_;
        ORBIT_TRY(read_reference(element.text));
        continue;
      }
      element.text += text_[at_];
      ORBIT_TRY(advance());
    }
  }

  void note_text_start(XmlElement& element) const {
    if (element.text_line == 0 && !is_blank(text_[at_])) {
      element.text_line = line_;
      element.text_column = column();
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
};

std::unexpected<ParseError> error_at(const XmlElement& element, std::string message,
                                     std::string code = "omm_xml") {
  return std::unexpected(
      ParseError{element.line, element.column, std::move(code), std::move(message)});
}

std::expected<void, ParseError> expect_no_text(const XmlElement& element) {
  if (element.text_line == 0) return {};
  return std::unexpected(ParseError{element.text_line, element.text_column, "omm_xml",
                                    fmt::format("<{}> holds elements, not text", element.name)});
}

// The children of `element` must be exactly `names`, in that order.
std::expected<void, ParseError> expect_children(const XmlElement& element,
                                                std::initializer_list<std::string_view> names) {
  if (auto ok = expect_no_text(element); !ok) return ok;
  std::size_t k = 0;
  for (std::string_view name : names) {
    if (k >= element.children.size()) {
      return error_at(element, fmt::format("<{}> has no <{}>", element.name, name),
                      "omm_missing_key");
    }
    if (element.children[k].name != name) {
      return error_at(element.children[k], fmt::format("expected <{}> in <{}>, found <{}>", name,
                                                       element.name, element.children[k].name));
    }
    ++k;
  }
  if (k < element.children.size()) {
    return error_at(element.children[k],
                    fmt::format("unexpected <{}> in <{}>", element.children[k].name, element.name));
  }
  return {};
}

Location location_of(const XmlElement& element) {
  return Location{element.line, element.column,
                  fmt::format("<{}> (line {})", element.name, element.line)};
}

// Every child of a section is one keyword with its value.
std::expected<void, ParseError> add_keywords(const XmlElement& section,
                                             std::optional<Section> placed,
                                             std::vector<Field>& fields) {
  if (auto ok = expect_no_text(section); !ok) return ok;
  for (const XmlElement& leaf : section.children) {
    if (!leaf.children.empty()) {
      return error_at(leaf.children.front(),
                      fmt::format("<{}> is a keyword and holds a value, not elements", leaf.name));
    }
    Field field{.key = leaf.name,
                .value = {},
                .line = leaf.text_line != 0 ? leaf.text_line : leaf.line,
                .column = leaf.text_line != 0 ? leaf.text_column : leaf.column};
    // Line breaks around a value are layout; inside it they are an error (builder).
    std::string_view value = leaf.text;
    while (!value.empty() && is_blank(value.front())) value.remove_prefix(1);
    while (!value.empty() && is_blank(value.back())) value.remove_suffix(1);
    field.value = std::string(value);
    for (const XmlAttribute& attribute : leaf.attributes) {
      if (attribute.name != "units") {
        return std::unexpected(
            ParseError{attribute.line, attribute.column, "omm_xml",
                       fmt::format("<{}> takes no attribute {}", leaf.name, attribute.name)});
      }
      field.unit = std::string(omm_detail::trim(attribute.value));
      field.unit_column = attribute.column;
    }
    if (field.key != "COMMENT") field.section = placed;
    fields.push_back(std::move(field));
  }
  return {};
}

std::expected<Omm, ParseError> read_omm(const XmlElement& omm) {
  omm_detail::Message message;
  const XmlAttribute* id = omm.attribute("id");
  if (id == nullptr || id->value != "CCSDS_OMM_VERS") {
    return error_at(omm, "<omm> needs id=\"CCSDS_OMM_VERS\"", "omm_missing_key");
  }
  const XmlAttribute* version = omm.attribute("version");
  if (version == nullptr) {
    return error_at(omm, "<omm> has no version attribute (CCSDS_OMM_VERS)", "omm_missing_key");
  }
  message.fields.push_back(Field{.key = "CCSDS_OMM_VERS",
                                 .value = std::string(omm_detail::trim(version->value)),
                                 .line = version->line,
                                 .column = version->column});
  ORBIT_TRY(expect_children(omm, {"header", "body"}));
  const XmlElement& header = omm.children[0];
  const XmlElement& body = omm.children[1];
  ORBIT_TRY(expect_children(body, {"segment"}));
  const XmlElement& segment = body.children[0];
  ORBIT_TRY(expect_children(segment, {"metadata", "data"}));
  const XmlElement& metadata = segment.children[0];
  const XmlElement& data = segment.children[1];
  message.sections[static_cast<int>(Section::kHeader)] = location_of(header);
  message.sections[static_cast<int>(Section::kMetadata)] = location_of(metadata);
  message.sections[static_cast<int>(Section::kMeanElements)] = location_of(data);
  message.sections[static_cast<int>(Section::kTleParameters)] = location_of(data);
  ORBIT_TRY(add_keywords(header, Section::kHeader, message.fields));
  ORBIT_TRY(add_keywords(metadata, Section::kMetadata, message.fields));
  ORBIT_TRY(expect_no_text(data));
  // COMMENT*, meanElements, then the optional blocks in the standard's order.
  static constexpr std::string_view kBlocks[] = {"meanElements", "spacecraftParameters",
                                                 "tleParameters", "covarianceMatrix",
                                                 "userDefinedParameters"};
  std::size_t next_block = 0;
  bool seen_mean_elements = false;
  for (const XmlElement& child : data.children) {
    if (child.name == "COMMENT" && next_block == 0) {
      ORBIT_TRY(add_keywords(XmlElement{.children = {child}}, std::nullopt, message.fields));
      continue;
    }
    std::size_t k = next_block;
    while (k < std::size(kBlocks) && kBlocks[k] != child.name) ++k;
    if (k == std::size(kBlocks)) {
      return error_at(child, fmt::format("unexpected <{}> in <data> (expected, in order: COMMENT, "
                                         "meanElements, spacecraftParameters, tleParameters, "
                                         "covarianceMatrix, userDefinedParameters)",
                                         child.name));
    }
    next_block = k + 1;
    if (child.name == "meanElements") {
      seen_mean_elements = true;
      message.sections[static_cast<int>(Section::kMeanElements)] = location_of(child);
      ORBIT_TRY(add_keywords(child, Section::kMeanElements, message.fields));
    } else if (child.name == "tleParameters") {
      message.sections[static_cast<int>(Section::kTleParameters)] = location_of(child);
      ORBIT_TRY(add_keywords(child, Section::kTleParameters, message.fields));
    }
    // spacecraftParameters, covarianceMatrix, userDefinedParameters: not needed by SGP4.
  }
  if (!seen_mean_elements) {
    return error_at(data, "<data> has no <meanElements>", "omm_missing_key");
  }
  return omm_detail::build_omm(message, KeyPolicy::kStandard);
}

std::string escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::expected<std::vector<Omm>, ParseError> parse_omm_xml(std::string_view text) {
  XmlReader reader(omm_detail::without_byte_order_mark(text));
  auto root = ORBIT_TRY(reader.read_document());
  std::vector<Omm> omms;
  if (root.name == "omm") {
    auto omm = ORBIT_TRY(read_omm(root));
    omms.push_back(std::move(omm));
    return omms;
  }
  if (root.name != "ndm") {
    return error_at(root,
                    fmt::format("the root element is <{}>; expected <ndm> or <omm>", root.name));
  }
  ORBIT_TRY(expect_no_text(root));
  for (const XmlElement& child : root.children) {
    if (child.name == "COMMENT") continue;
    if (child.name != "omm") {
      return error_at(child, fmt::format("<{}> in <ndm>: only OMMs are read", child.name));
    }
    auto omm = ORBIT_TRY(read_omm(child));
    omms.push_back(std::move(omm));
  }
  return omms;
}

std::expected<std::string, ParseError> format_omm_xml(std::span<const Omm> omms) {
  std::string text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ndm>\n";
  auto leaf = [&](int indent, std::string_view key, std::string_view value, std::string_view unit) {
    text += std::string(static_cast<std::size_t>(indent), ' ');
    if (unit.empty()) {
      text += fmt::format("<{0}>{1}</{0}>\n", key, escaped(value));
    } else {
      text += fmt::format("<{0} units=\"{2}\">{1}</{0}>\n", key, escaped(value), escaped(unit));
    }
  };
  auto leaves = [&](int indent, const std::vector<omm_detail::KeywordValue>& values) {
    for (const auto& entry : values) leaf(indent, entry.key, entry.value, entry.unit);
  };
  for (std::size_t i = 0; i < omms.size(); ++i) {
    const Omm& omm = omms[i];
    ORBIT_TRY(omm_detail::check_writable(omm, i, KeyPolicy::kStandard));
    text += fmt::format("  <omm id=\"CCSDS_OMM_VERS\" version=\"{}\">\n    <header>\n",
                        escaped(omm.version));
    for (const std::string& comment : omm.comments) leaf(6, "COMMENT", comment, "");
    leaf(6, "CREATION_DATE", omm.creation_date, "");
    leaf(6, "ORIGINATOR", omm.originator, "");
    text += "    </header>\n    <body>\n      <segment>\n        <metadata>\n";
    leaves(10, omm_detail::metadata_values(omm));
    text += "        </metadata>\n        <data>\n          <meanElements>\n";
    leaves(12, omm_detail::mean_element_values(omm));
    text += "          </meanElements>\n          <tleParameters>\n";
    leaves(12, omm_detail::tle_parameter_values(omm));
    text +=
        "          </tleParameters>\n        </data>\n      </segment>\n    </body>\n  </omm>\n";
  }
  text += "</ndm>\n";
  return text;
}

}  // namespace jingkai::orbit
