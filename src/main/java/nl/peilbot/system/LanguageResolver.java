package nl.peilbot.system;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Spring MVC's locale for every page and its message texts: {@code ?lang=} when given, else the browser's
 * Accept-Language, decided by {@link Languages}. Pages switch language by link, so nothing is stored.
 */
@Component(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
public class LanguageResolver implements LocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return Locale.forLanguageTag(Languages.chosen(request.getParameter("lang"),
                request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is chosen per request by ?lang= or Accept-Language");
    }
}
