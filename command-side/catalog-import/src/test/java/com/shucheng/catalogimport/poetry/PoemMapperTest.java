package com.shucheng.catalogimport.poetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PoemMapperTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private final PoemMapper mapper = new PoemMapper();

    private static JsonNode poem(String text) {
        return json.readTree(text);
    }

    private CatalogBook kept(Collection collection, int index, String poem) {
        PoemMapper.Mapped mapped = mapper.map(collection, index, poem(poem));
        assertThat(mapped).isInstanceOf(PoemMapper.Kept.class);
        return ((PoemMapper.Kept) mapped).book();
    }

    private PoemMapper.Skip skipped(Collection collection, String poem) {
        PoemMapper.Mapped mapped = mapper.map(collection, 0, poem(poem));
        assertThat(mapped).isInstanceOf(PoemMapper.Skipped.class);
        return ((PoemMapper.Skipped) mapped).reason();
    }

    @Test
    void a_poem_becomes_a_book_titled_and_credited_as_the_source_writes_it() {
        CatalogBook book = kept(Collection.TANG, 7, """
                {"author": "李白", "paragraphs": ["牀前明月光，疑是地上霜。"], "title": "靜夜思"}""");

        assertThat(book.title()).isEqualTo("靜夜思");
        assertThat(book.authors()).containsExactly("李白");
        assertThat(book.category()).isEqualTo("唐诗");
        assertThat(book.isbn()).isEqualTo(GeneratedIsbn.of(94, 7));
        assertThat(book.price()).isEqualTo(Pricing.of(book.isbn()).price());
        assertThat(book.price()).isGreaterThan(BigDecimal.TEN);
    }

    @Test
    void a_ci_is_titled_by_its_tune_and_first_phrase() {
        CatalogBook book = kept(Collection.SONGCI, 0, """
                {"author": "苏轼", "paragraphs": ["山下兰芽短浸溪，松间沙路净无泥。"], "rhythmic": "浣溪沙"}""");

        assertThat(book.title()).isEqualTo("浣溪沙·山下兰芽短浸溪");
        assertThat(book.category()).isEqualTo("宋词");
    }

    @Test
    void poets_who_wrote_together_are_each_an_author() {
        CatalogBook book = kept(Collection.TANG, 0, """
                {"author": "賀知章、源乾曜", "paragraphs": ["綠野開元宴。"], "title": "奉和"}""");

        assertThat(book.authors()).containsExactly("賀知章", "源乾曜");
    }

    @Test
    void a_play_named_beside_the_author_moves_into_the_title() {
        CatalogBook book = kept(Collection.YUANQU, 0, """
                {"author": "徐田臣《杀狗记》", "paragraphs": ["(小生)忠规，非直谅多闻善辈。"], "title": "前腔"}""");

        assertThat(book.authors()).containsExactly("徐田臣");
        assertThat(book.title()).isEqualTo("杀狗记・前腔");
    }

    @Test
    void the_author_of_a_named_work_with_no_name_is_unknown() {
        assertThat(PoemMapper.authors(Collection.SONG, "《靖康小雅》作者")).containsExactly("无名氏");
    }

    @Test
    void collections_without_authors_credit_their_known_one() {
        assertThat(PoemMapper.authors(Collection.SHIJING, null)).containsExactly("佚名");
        assertThat(PoemMapper.authors(Collection.CAOCAO, "")).containsExactly("曹操");
        assertThat(PoemMapper.authors(Collection.TANG, " ")).isEmpty();
    }

    @Test
    void a_poet_whose_name_lost_a_character_is_skipped() {
        assertThat(skipped(Collection.SONG, """
                {"author": "趙德□", "paragraphs": ["殘句。"], "title": "句"}""")).isEqualTo(PoemMapper.Skip.BAD_AUTHOR);
    }

    @Test
    void an_untitled_poem_is_known_by_its_first_phrase_and_one_with_no_text_is_skipped() {
        assertThat(kept(Collection.TANG, 0, """
                {"author": "于濆", "paragraphs": ["長聞鄉人語，此家勝良賈。"], "title": ""}""").title()).isEqualTo("長聞鄉人語");
        assertThat(skipped(Collection.TANG, """
                {"author": "王昌齡", "paragraphs": ["。"], "title": ""}""")).isEqualTo(PoemMapper.Skip.NO_TITLE);
    }

    @Test
    void a_second_poem_of_the_same_title_by_the_same_poet_adds_its_first_phrase_then_its_section() {
        CatalogBook first = kept(Collection.SONG, 0, """
                {"author": "宋太祖", "paragraphs": ["未離海底千山黑，纔到天中萬國明。"], "title": "句"}""");
        CatalogBook second = kept(Collection.SONG, 1, """
                {"author": "宋太祖", "paragraphs": ["一輪頃刻上天衢，逐退群星與殘月。"], "title": "句"}""");
        CatalogBook third = kept(Collection.SHIJING, 2, """
                {"title": "扬之水", "section": "王风", "content": ["扬之水，不流束薪。"]}""");
        CatalogBook fourth = kept(Collection.SHIJING, 3, """
                {"title": "扬之水", "section": "郑风", "content": ["扬之水，不流束楚。"]}""");

        assertThat(List.of(first.title(), second.title(), third.title(), fourth.title()))
                .containsExactly("句", "句·一輪頃刻上天衢", "扬之水", "扬之水·郑风");
    }

    @Test
    void the_same_poem_listed_twice_in_a_collection_is_skipped() {
        String poem = """
                {"author": "苏轼", "paragraphs": ["山下兰芽短浸溪，松间沙路净无泥。"], "rhythmic": "浣溪沙"}""";
        kept(Collection.SONGCI, 0, poem);

        assertThat(skipped(Collection.SONGCI, poem)).isEqualTo(PoemMapper.Skip.DUPLICATE);
    }

    @Test
    void the_same_poem_in_two_collections_is_two_books() {
        String poem = """
                {"author": "李白", "paragraphs": ["牀前明月光，疑是地上霜。"], "title": "靜夜思"}""";
        assertThat(kept(Collection.TANG, 0, poem).category()).isEqualTo("唐诗");
        assertThat(kept(Collection.SONG, 0, poem).category()).isEqualTo("宋诗");
    }

    @Test
    void stage_directions_do_not_count_as_the_opening() {
        assertThat(PoemMapper.firstPhrase(poem("""
                {"paragraphs": ["(末)（旦）东人富室豪门，论结交须谨慎。"]}"""))).isEqualTo("东人富室豪门");
        assertThat(PoemMapper.meaningful("。")).isFalse();
        assertThat(PoemMapper.meaningful("东人")).isTrue();
    }

    @Test
    void a_title_with_a_character_lost_to_an_encoding_accident_is_skipped() {
        assertThat(skipped(Collection.SONGCI, """
                {"author": "赵长卿", "paragraphs": ["\uFFFD稍\uFFFD著意斟量过。"], "rhythmic": "水龙吟"}"""))
                .isEqualTo(PoemMapper.Skip.BAD_TITLE);
    }
}
