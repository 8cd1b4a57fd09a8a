/* pn-store.c: to be written */
