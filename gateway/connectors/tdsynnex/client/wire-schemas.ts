// Zod schemas of TD SYNNEX's XML answers as fast-xml-parser reads them (./xml.ts: every text a string,
// repeated elements arrays, attributes as `@_name`). psa-apis.md §5.2; field names [3P], error
// elements [UNVERIFIED] (see ../README.md). Unknown elements are allowed and ignored.

import { z } from 'zod';

/** A text element, capped; an empty element is ''. */
const text = (max = 500) => z.string().max(max);
const optionalText = (max = 500) => text(max).optional();
/** A whole number as TD SYNNEX writes it ("9", "-1" never expected but read). */
const wholeNumber = z
	.string()
	.trim()
	.regex(/^-?\d{1,9}$/, 'a whole number')
	.transform(Number);
/** A price in currency units ("367.26") as integer cents. */
const priceCents = z
	.string()
	.trim()
	.regex(/^\d{1,9}(\.\d{1,4})?$/, 'a price')
	.transform((v) => Math.round(Number(v) * 100));

/** An error text TD SYNNEX may put in place of an answer [UNVERIFIED]: any of these names. */
const errorFields = {
	errorDetail: optionalText(2000),
	ErrorDetail: optionalText(2000),
	errorMessage: optionalText(2000),
	ErrorMessage: optionalText(2000)
};
export type ErrorFields = { [K in keyof typeof errorFields]?: string };
export const errorTextOf = (e: ErrorFields) =>
	e.errorDetail || e.ErrorDetail || e.errorMessage || e.ErrorMessage || null;

export const warehouseSchema = z.looseObject({
	warehouseInfo: z
		.looseObject({ number: text(20), zipcode: optionalText(20), city: optionalText(100), addr: optionalText(200) })
		.optional(),
	qty: wholeNumber
});

export const priceAvailabilityItemSchema = z.looseObject({
	/** "0" when the product is not found (§5.2). */
	synnexSKU: text(20),
	mfgPN: optionalText(100),
	mfgCode: optionalText(50),
	/** Active | Discontinued | Not found (§5.2). */
	status: text(50),
	description: optionalText(1000),
	GlobalProductStatusCode: optionalText(50),
	price: priceCents.or(z.literal('').transform(() => null)).optional(),
	totalQuantity: wholeNumber.or(z.literal('').transform(() => 0)).optional(),
	AvailabilityByWarehouse: z.array(warehouseSchema).max(200).optional(),
	lineNumber: wholeNumber
});

export const priceResponseSchema = z.object({
	priceResponse: z.looseObject({
		customerNo: optionalText(20),
		PriceAvailabilityList: z.array(priceAvailabilityItemSchema).max(1000).optional(),
		...errorFields
	})
});

/** An error document in place of the expected one [UNVERIFIED]: `<errorResponse><errorDetail>…`. */
export const errorDocumentSchema = z.object({
	errorResponse: z.looseObject(errorFields).or(text(2000))
});

const orderItemSchema = z.looseObject({
	'@_lineNumber': wholeNumber.optional(),
	LineNumber: wholeNumber.optional(),
	SKU: optionalText(30),
	OrderQuantity: wholeNumber.optional(),
	/** accepted | rejected on a PO; the line's state on a status answer. */
	Code: text(50),
	Reason: optionalText(2000),
	OrderNumber: optionalText(30),
	OrderType: optionalText(10)
});

export const orderResponseSchema = z.object({
	SynnexB2B: z.looseObject({
		OrderResponse: z
			.looseObject({
				CustomerNumber: optionalText(20),
				PONumber: optionalText(100),
				/** accepted (or 0 / success, §5.2) | rejected */
				Code: text(50),
				Reason: optionalText(2000),
				Items: z
					.looseObject({ Item: z.array(orderItemSchema).max(1000).optional() })
					.or(z.literal(''))
					.optional(),
				...errorFields
			})
			.optional(),
		...errorFields
	})
});

const packageSchema = z.looseObject({
	TrackingNumber: text(100),
	ShipItemQuantity: wholeNumber.optional(),
	Weight: optionalText(20)
});

const statusItemSchema = orderItemSchema.extend({
	MfgPN: optionalText(100),
	ShipQuantity: wholeNumber.or(z.literal('').transform(() => 0)).optional(),
	ShipDatetime: optionalText(40),
	ETADate: optionalText(40),
	Packages: z
		.looseObject({ Package: z.array(packageSchema).max(200).optional() })
		.or(z.literal(''))
		.optional()
});

export const orderStatusResponseSchema = z.object({
	SynnexB2B: z.looseObject({
		OrderStatusResponse: z
			.looseObject({
				CustomerNumber: optionalText(20),
				PONumber: optionalText(100),
				Code: text(50),
				Reason: optionalText(2000),
				PODatetime: optionalText(40),
				Items: z
					.looseObject({ Item: z.array(statusItemSchema).max(1000).optional() })
					.or(z.literal(''))
					.optional(),
				...errorFields
			})
			.optional(),
		...errorFields
	})
});

export type PriceAvailabilityItem = z.infer<typeof priceAvailabilityItemSchema>;
export type OrderItem = z.infer<typeof orderItemSchema>;
export type StatusItem = z.infer<typeof statusItemSchema>;
