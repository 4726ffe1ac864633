package dev.gatehouse.adapter.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** The console's templates, compiled to classes at build time by jte-maven-plugin; nothing is compiled at run time. */
final class WebTemplates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
      WebTemplates.class.getClassLoader(), WebTemplates.class.getPackageName());

  String render(String template, Map<String, Object> params) {
    StringOutput output = new StringOutput();
    engine.render(template, params, output);
    return output.toString();
  }
}
