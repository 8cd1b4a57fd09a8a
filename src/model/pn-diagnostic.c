/* pn-diagnostic.c: to be written */
