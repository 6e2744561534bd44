package com.shucheng.catalogimport.poetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The collections of the {@code chinese-poetry} package (version 2.0.1) that become books, in the
 * order they are written. 宋诗 is last because it is by far the largest: a {@code --limit} trims it
 * and keeps every smaller collection whole. Left out: 御定全唐诗, 水墨唐诗, 唐诗三百首 and the
 * 蒙学 copies (they repeat 唐诗), and the prose classics (论语, 四书五经, 幽梦影).
 *
 * <p>A source is a path under {@code dist/}; {@code #} in it stands for a number, and such files
 * are read in numeric order ({@code poet.song.2000.json} before {@code poet.song.10000.json}).
 */
enum Collection {

    SHIJING(90, "诗经", "佚名", false, "shijing/shijing.json"),
    CHUCI(91, "楚辞", null, false, "chuci/chuci.json"),
    CAOCAO(92, "汉魏诗", "曹操", false, "caocaoshiji/caocao.json"),
    WUDAI(93, "五代词", null, false,
            "wudaishici/huajianji/huajianji-#-juan.json",
            "wudaishici/huajianji/huajianji-x-juan.json",
            "wudaishici/nantang/poetrys.json"),
    TANG(94, "唐诗", null, false, "quantangshi/poet.tang.#.json"),
    SONGCI(96, "宋词", null, true, "songci/ci.song.#.json", "songci/ci.song.2019y.json"),
    YUANQU(97, "元曲", null, false, "yuanqu/yuanqu.json"),
    QINGCI(98, "清词", null, false, "nalanxingde/纳兰性德诗集.json"),
    SONG(95, "宋诗", null, false, "quantangshi/poet.song.#.json");

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** The two ISBN digits after 978-7 that every book of this collection carries. */
    final int isbnBlock;
    final String category;
    /** The author when the source names none (诗经's poems are anonymous, 曹操's file names nobody). */
    final String defaultAuthor;
    /** 词 are known by tune and first line (浣溪沙·山下兰芽短浸溪): the tune alone repeats thousands of times. */
    final boolean tuneAndFirstLine;
    private final List<String> sources;

    Collection(int isbnBlock, String category, String defaultAuthor, boolean tuneAndFirstLine, String... sources) {
        this.isbnBlock = isbnBlock;
        this.category = category;
        this.defaultAuthor = defaultAuthor;
        this.tuneAndFirstLine = tuneAndFirstLine;
        this.sources = List.of(sources);
    }

    /** The collection's files under {@code dist}, in reading order; fails when a source is missing. */
    List<Path> files(Path dist) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String source : sources) {
            Path wanted = dist.resolve(source);
            String name = wanted.getFileName().toString();
            if (!name.contains("#")) {
                if (!Files.isRegularFile(wanted)) {
                    throw new IOException("missing " + wanted + " (is this chinese-poetry 2.0.1?)");
                }
                files.add(wanted);
                continue;
            }
            Pattern numbered = Pattern.compile(Pattern.quote(name).replace("#", "\\E(\\d+)\\Q"));
            List<Path> matching;
            try (Stream<Path> listing = Files.list(wanted.getParent())) {
                matching = listing.filter(p -> numbered.matcher(p.getFileName().toString()).matches())
                        .sorted(Comparator.comparingLong(Collection::numberIn))
                        .toList();
            }
            if (matching.isEmpty()) {
                throw new IOException("no files like " + wanted + " (is this chinese-poetry 2.0.1?)");
            }
            files.addAll(matching);
        }
        return files;
    }

    private static long numberIn(Path file) {
        Matcher digits = NUMBER.matcher(file.getFileName().toString());
        return digits.find() ? Long.parseLong(digits.group()) : Long.MAX_VALUE;
    }
}
