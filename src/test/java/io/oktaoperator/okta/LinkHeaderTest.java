package io.oktaoperator.okta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oktaoperator.okta.LinkHeader.WebLink;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

  private static final String SELF = "https://acme.okta.com/api/v1/users?limit=200";
  private static final String NEXT = "https://acme.okta.com/api/v1/users?after=00ubfjQEMYBLRUWIEDKK&limit=200";

  @Test
  void findsNextAmongSeveralLinksInOneHeader() {
    String header = "<" + SELF + ">; rel=\"self\", <" + NEXT + ">; rel=\"next\"";

    assertEquals(Optional.of(NEXT), LinkHeader.findNext(List.of(header)));
  }

  @Test
  void findsNextAcrossSeveralHeaders() {
    List<String> headers = List.of("<" + SELF + ">; rel=\"self\"", "<" + NEXT + ">; rel=\"next\"");

    assertEquals(Optional.of(NEXT), LinkHeader.findNext(headers));
  }

  @Test
  void returnsEmptyWithoutNextLink() {
    assertEquals(Optional.empty(), LinkHeader.findNext(List.of("<" + SELF + ">; rel=\"self\"")));
    assertEquals(Optional.empty(), LinkHeader.findNext(List.of()));
    assertEquals(Optional.empty(), LinkHeader.findNext(List.of("")));
  }

  @Test
  void acceptsUnquotedAndUpperCaseRel() {
    assertEquals(Optional.of(NEXT), LinkHeader.findNext(List.of("<" + NEXT + ">;rel=NEXT")));
    assertEquals(Optional.of(NEXT), LinkHeader.findNext(List.of("  < " + NEXT + " >  ;  REL = \"Next\"  ")));
  }

  @Test
  void keepsCommasAndSemicolonsInsideUri() {
    String odd = "https://acme.okta.com/api/v1/users?search=a,b;c&after=x";
    String header = "<" + SELF + ">; rel=\"self\", <" + odd + ">; rel=\"next\"";

    assertEquals(Optional.of(odd), LinkHeader.findNext(List.of(header)));
  }

  @Test
  void readsRelWithSeveralTypes() {
    List<WebLink> links = LinkHeader.parse("<" + NEXT + ">; rel=\"next last\"");

    assertEquals(List.of(new WebLink(NEXT, Set.of("next", "last"))), links);
  }

  @Test
  void ignoresRelAfterTheFirst() {
    assertEquals(Optional.empty(), LinkHeader.findNext(List.of("<" + NEXT + ">; rel=\"self\"; rel=\"next\"")));
  }

  @Test
  void doesNotTakeOtherParametersForRel() {
    String header = "<" + SELF + ">; title=\"next, \\\"page\\\"; rel=next\"; rel=\"self\", <" + NEXT + ">; rel=\"next\"";

    List<WebLink> links = LinkHeader.parse(header);

    assertEquals(List.of(new WebLink(SELF, Set.of("self")), new WebLink(NEXT, Set.of("next"))), links);
  }

  @Test
  void skipsMalformedLinkAndKeepsOthers() {
    String header = "garbage; rel=\"next\", <" + NEXT + ">; rel=\"next\"";

    assertEquals(List.of(new WebLink(NEXT, Set.of("next"))), LinkHeader.parse(header));
  }

  @Test
  void toleratesUnterminatedUriAndParameters() {
    assertEquals(List.of(), LinkHeader.parse("<" + NEXT));
    assertEquals(List.of(new WebLink(NEXT, Set.of())), LinkHeader.parse("<" + NEXT + ">; rel"));
    assertEquals(List.of(new WebLink(NEXT, Set.of("next"))), LinkHeader.parse("<" + NEXT + ">; rel=\"next"));
    assertEquals(List.of(new WebLink(NEXT, Set.of())), LinkHeader.parse("<" + NEXT + ">; ; =; rel="));
  }
}
