/* pn-sources-page.c: to be written */
