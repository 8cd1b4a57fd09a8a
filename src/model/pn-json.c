/* pn-json.c: to be written */
