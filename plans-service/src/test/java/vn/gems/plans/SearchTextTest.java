package vn.gems.plans;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SearchTextTest {

    @Test
    void foldsVietnameseToPlainLowerCaseWords() {
        assertEquals("binh dang gioi", SearchText.fold("Bình đẳng GIỚI"));
        assertEquals("dua noi dung ve gioi", SearchText.fold("Đưa nội dung về giới"));
        assertEquals("so ld tb xh", SearchText.fold("Sở LĐ-TB&XH"));
        assertEquals("ty suat sinh o vi thanh nien 23 1 000", SearchText.fold("Tỷ suất sinh ở vị thành niên: 23/1.000"));
        assertEquals("", SearchText.fold(null));
        assertEquals("", SearchText.fold("  —  "));
    }

    @Test
    void decomposedAndComposedFormsFoldAlike() {
        String composed = "Thừa Thiên Huế";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertEquals(SearchText.fold(composed), SearchText.fold(decomposed));
    }

    @Test
    void queriesBecomeDistinctTerms() {
        assertEquals(List.of("binh", "dang", "gioi"), SearchText.terms("  Bình, đẳng; giới bình "));
        assertEquals(List.of(), SearchText.terms(""));
        assertEquals("bin", SearchText.fold(List.of("Bình", "đẳng"), 3));
    }
}
