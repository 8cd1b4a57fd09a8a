/* pn-reader-view.c: to be written */
