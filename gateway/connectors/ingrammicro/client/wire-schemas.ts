// Zod schemas of every Ingram Micro answer the client reads (psa-apis.md §4.2-4.5, checked against the
// official xi-sdk-resellers models). Loose objects: Ingram adds fields freely; the ones we read are typed.

import { z } from 'zod';

const text = z.string().max(2_000);
const optionalText = text.nullish();
/** The SDK types several counts and prices as strings; numbers arrive either way. */
const num = z.coerce.number().refine(Number.isFinite, 'a finite number');

/** §4.2: `expires_in` is a string in the SDK and a number in the docs' sample. */
export const tokenResponseSchema = z.looseObject({
	access_token: z.string().min(1).max(4_000),
	token_type: optionalText,
	expires_in: num.pipe(z.number().positive()).nullish()
});

export const warehouseSchema = z.looseObject({
	location: optionalText,
	warehouseId: optionalText,
	quantityAvailable: num.nullish(),
	quantityBackordered: num.nullish(),
	quantityOnOrder: num.nullish()
});

export const priceAndAvailabilityItemSchema = z.looseObject({
	index: num.nullish(),
	productStatusCode: optionalText,
	productStatusMessage: optionalText,
	ingramPartNumber: optionalText,
	vendorPartNumber: optionalText,
	vendorName: optionalText,
	description: optionalText,
	acceptBackOrder: z.boolean().nullish(),
	productAuthorized: z.boolean().nullish(),
	discontinued: z.boolean().nullish(),
	pricing: z
		.looseObject({
			currencyCode: optionalText,
			retailPrice: num.nullish(),
			customerPrice: num.nullish()
		})
		.nullish(),
	availability: z
		.looseObject({
			available: z.boolean().nullish(),
			totalAvailability: num.nullish(),
			availabilityByWarehouse: z.array(warehouseSchema).max(500).nullish()
		})
		.nullish()
});
/** §4.4: the top level is an array, one element per requested product. */
export const priceAndAvailabilitySchema = z.array(priceAndAvailabilityItemSchema).max(50);
export type PriceAndAvailabilityItem = z.infer<typeof priceAndAvailabilityItemSchema>;

const rejectedLineSchema = z.looseObject({
	// The SDK spells it `customerLinenumber` in OrderCreateResponse; accept the regular spelling too.
	customerLinenumber: optionalText,
	customerLineNumber: optionalText,
	ingramPartNumber: optionalText,
	vendorPartNumber: optionalText,
	quantityOrdered: num.nullish(),
	rejectCode: optionalText,
	rejectReason: optionalText
});
export type RejectedLine = z.infer<typeof rejectedLineSchema>;

const createdLineSchema = z.looseObject({
	subOrderNumber: optionalText,
	ingramLineNumber: optionalText,
	customerLineNumber: optionalText,
	lineStatus: optionalText,
	ingramPartNumber: optionalText,
	unitPrice: num.nullish(),
	quantityOrdered: num.nullish(),
	quantityConfirmed: num.nullish(),
	quantityBackOrdered: num.nullish()
});

export const orderCreateResponseSchema = z.looseObject({
	customerOrderNumber: optionalText,
	purchaseOrderTotal: num.nullish(),
	orders: z
		.array(
			z.looseObject({
				ingramOrderNumber: text.min(1),
				ingramOrderDate: optionalText,
				orderTotal: num.nullish(),
				currencyCode: optionalText,
				lines: z.array(createdLineSchema).max(1_000).nullish(),
				rejectedLineItems: z.array(rejectedLineSchema).max(1_000).nullish()
			})
		)
		.max(100)
		// An order whose every line was rejected may come back without `orders` [GUESS].
		.nullish(),
	rejectedLineItems: z.array(rejectedLineSchema).max(1_000).nullish()
});
export type OrderCreateResponse = z.infer<typeof orderCreateResponseSchema>;

const shipmentSchema = z.looseObject({
	shipmentDate: optionalText,
	carrierCode: optionalText,
	carrierName: optionalText,
	quantity: num.nullish(),
	packageDetails: z
		.array(z.looseObject({ trackingNumber: optionalText }))
		.max(500)
		.nullish()
});

export const orderDetailLineSchema = z.looseObject({
	subOrderNumber: optionalText,
	ingramOrderLineNumber: optionalText,
	customerLineNumber: optionalText,
	lineStatus: optionalText,
	ingramPartNumber: optionalText,
	vendorPartNumber: optionalText,
	unitPrice: num.nullish(),
	quantityOrdered: num.nullish(),
	quantityConfirmed: num.nullish(),
	quantityBackOrdered: num.nullish(),
	backOrderETADate: optionalText,
	shipmentDetails: z.array(shipmentSchema).max(500).nullish()
});

/** `GET /resellers/v6.1/orders/{ingramOrderNumber}` (SDK `OrderDetailB2B`). */
export const orderDetailSchema = z.looseObject({
	ingramOrderNumber: text.min(1),
	ingramOrderDate: optionalText,
	customerOrderNumber: optionalText,
	orderStatus: optionalText,
	orderTotal: num.nullish(),
	currencyCode: optionalText,
	lines: z.array(orderDetailLineSchema).max(1_000).nullish()
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

/** `GET /resellers/v6/orders/search` (SDK `OrderSearchResponse`). */
export const orderSearchSchema = z.looseObject({
	recordsFound: num.nullish(),
	pageSize: num.nullish(),
	pageNumber: num.nullish(),
	orders: z
		.array(
			z.looseObject({
				ingramOrderNumber: text.min(1),
				ingramOrderDate: optionalText,
				customerOrderNumber: optionalText,
				orderStatus: optionalText,
				orderTotal: num.nullish()
			})
		)
		.max(100)
		.nullish()
});
export type OrderSearch = z.infer<typeof orderSearchSchema>;

/** The error bodies of §4.5: validation, the generic Error, gateway faults, the 429 list, the token 400. */
export const validationErrorSchema = z.looseObject({
	message: text,
	fields: z
		.array(z.looseObject({ field: optionalText, message: optionalText, value: z.unknown().optional() }))
		.max(200)
		.nullish()
});
export const faultSchema = z.looseObject({
	fault: z.looseObject({ faultstring: text, detail: z.looseObject({ errorcode: optionalText }).nullish() })
});
export const flatFaultSchema = z.looseObject({ faultcode: optionalText, faultstring: text });
export const errorListSchema = z.looseObject({
	errors: z.array(z.looseObject({ message: optionalText })).max(200)
});
