// The rules of a catalogue entry and the text form of its materials.
#include "modules/approvals/catalogue.hpp"

#include <gtest/gtest.h>

namespace jingkai::approvals {
namespace {

ServiceItem valid_item() {
  ServiceItem item;
  item.code = "SS-001";
  item.name = "有限责任公司设立登记";
  item.category = "商事登记";
  item.kind = "行政许可";
  item.department = "市场监督管理局";
  item.legal_basis = "《中华人民共和国市场主体登记管理条例》";
  item.statutory_days = 3;
  item.promised_days = 1;
  item.materials = {{"设立登记申请书", MaterialForm::original, 1, "", "申请书.docx"},
                    {"委托书", MaterialForm::original, 1, "委托他人办理的", ""}};
  return item;
}

TEST(CatalogueMaterials, ReadsEntriesWithFormCopiesNeedAndTemplate) {
  auto materials = parse_materials(
      "营业执照|复印件|1|必需;委托书|原件|1|条件:委托他人办理的|委托书.docx；"
      "章程|原件和复印件|2|条件：涉及章程的\n设计文件|电子件|1|必需");
  ASSERT_TRUE(materials) << materials.error().message;
  ASSERT_EQ(materials->size(), 4u);
  EXPECT_EQ((*materials)[0], (Material{"营业执照", MaterialForm::copy, 1, "", ""}));
  EXPECT_EQ((*materials)[1],
            (Material{"委托书", MaterialForm::original, 1, "委托他人办理的", "委托书.docx"}));
  EXPECT_EQ((*materials)[2],
            (Material{"章程", MaterialForm::original_and_copy, 2, "涉及章程的", ""}));
  EXPECT_EQ((*materials)[3].form, MaterialForm::electronic);
}

TEST(CatalogueMaterials, AnEmptyCellIsNoMaterials) {
  EXPECT_TRUE(parse_materials("").value().empty());
  EXPECT_TRUE(parse_materials(" ; ;\n").value().empty());
}

TEST(CatalogueMaterials, WritesWhatItReads) {
  const auto materials = valid_item().materials;
  const std::string text = format_materials(materials);
  EXPECT_EQ(text, "设立登记申请书|原件|1|必需|申请书.docx;委托书|原件|1|条件:委托他人办理的");
  EXPECT_EQ(parse_materials(text).value(), materials);
}

TEST(CatalogueMaterials, NamesTheBadEntryAndWhy) {
  struct Case {
    std::string_view text;
    std::string_view entry;
  };
  for (const Case& c :
       {Case{"营业执照|复印件|1", "第 1 项"},
        Case{"营业执照|复印件|1|必需;委托书|传真|1|必需", "第 2 项"},
        Case{"营业执照|复印件|0|必需", "第 1 项"}, Case{"营业执照|复印件|21|必需", "第 1 项"},
        Case{"营业执照|复印件|x|必需", "第 1 项"}, Case{"营业执照|复印件|1|可选", "第 1 项"},
        Case{"营业执照|复印件|1|条件:", "第 1 项"}, Case{"|复印件|1|必需", "第 1 项"},
        Case{"a|原件|1|必需|t|u", "第 1 项"}}) {
    auto materials = parse_materials(c.text);
    ASSERT_FALSE(materials) << c.text;
    EXPECT_EQ(materials.error().code, "bad_materials") << c.text;
    EXPECT_EQ(materials.error().field, "materials");
    EXPECT_NE(materials.error().message.find(c.entry), std::string::npos)
        << materials.error().message;
  }
}

TEST(CatalogueItem, AValidItemPasses) { EXPECT_TRUE(check_item(valid_item())); }

TEST(CatalogueItem, AnItemHandledOnTheSpotHasZeroDays) {
  ServiceItem item = valid_item();
  item.statutory_days = 0;
  item.promised_days = 0;
  EXPECT_TRUE(check_item(item));
}

TEST(CatalogueItem, ThePromiseMayNotExceedTheLaw) {
  ServiceItem item = valid_item();
  item.promised_days = 4;
  auto checked = check_item(item);
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().code, "promise_over_statutory");
  EXPECT_EQ(checked.error().field, "promised_days");
}

TEST(CatalogueItem, EachBadFieldIsNamed) {
  auto field_of = [](auto change) {
    ServiceItem item = valid_item();
    change(item);
    auto checked = check_item(item);
    return checked ? std::string("ok") : checked.error().field;
  };
  EXPECT_EQ(field_of([](ServiceItem& i) { i.code = "ss-1"; }), "code");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.code = "S1"; }), "code");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.name = ""; }), "name");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.category = "x"; }), "category");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.kind = "许可"; }), "kind");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.department = ""; }), "department");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.statutory_days = 366; }), "statutory_days");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.statutory_days = -1; }), "statutory_days");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.promised_days = -1; }), "promised_days");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.visits = 6; }), "visits");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.fee_fen = -1; }), "fee");
  // The bounds on both sides, as the import reads them (the API refuses past them earlier).
  EXPECT_EQ(field_of([](ServiceItem& i) { i.statutory_days = i.promised_days = 365; }), "ok");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.visits = 5; }), "ok");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.fee_fen = kMaxFeeFen; }), "ok");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.fee_fen = kMaxFeeFen + 1; }), "fee");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.materials[1].copies = 0; }), "materials[1].copies");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.materials[0].name = ""; }), "materials[0].name");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.materials[0].template_file = "../etc/passwd"; }),
            "materials[0].template_file");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.materials[0].template_file = ".hidden"; }),
            "materials[0].template_file");
  EXPECT_EQ(field_of([](ServiceItem& i) { i.name = std::string("\xff\xfe"); }), "name");
}

std::vector<std::string_view> views(const std::vector<std::string>& cells) {
  return {cells.begin(), cells.end()};
}

TEST(CatalogueRow, ARowReadsBackAsTheItemItWasWrittenFrom) {
  ServiceItem item = valid_item();
  item.fee_fen = 1050;
  item.published = false;
  item.visits = 1;
  const auto cells = item_to_row(item);
  auto read = item_from_row(views(cells));
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(*read, item);
}

TEST(CatalogueRow, ABadCellNamesItsColumn) {
  auto cells = item_to_row(valid_item());
  cells[6] = "三";
  EXPECT_EQ(item_from_row(views(cells)).error().field, "statutory_days");
  cells = item_to_row(valid_item());
  cells[9] = "-5";
  EXPECT_EQ(item_from_row(views(cells)).error().field, "fee");
  cells = item_to_row(valid_item());
  cells[9] = "1.005";
  EXPECT_EQ(item_from_row(views(cells)).error().field, "fee");
  cells = item_to_row(valid_item());
  cells[12] = "maybe";
  EXPECT_EQ(item_from_row(views(cells)).error().field, "published");
  cells = item_to_row(valid_item());
  cells[11] = "营业执照|传真|1|必需";
  EXPECT_EQ(item_from_row(views(cells)).error().field, "materials");
}

TEST(CatalogueRow, AShortRowIsMissingItsNumbers) {
  std::vector<std::string> cells = {"SS-001", "名称", "商事登记", "行政许可", "市场监督管理局"};
  EXPECT_EQ(item_from_row(views(cells)).error().field, "statutory_days");
}

}  // namespace
}  // namespace jingkai::approvals
